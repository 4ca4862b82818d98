package io.platewatch.serde;

import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Flink serialization schema writing Avro records in the Confluent wire format, for the Kafka sink:
 *
 * <pre>{@code
 * KafkaRecordSerializationSchema.builder()
 *     .setTopic(Topic.ALERTS.topicName())
 *     .setValueSerializationSchema(
 *         ConfluentAvroSerializationSchema.forTopic(Topic.ALERTS, Alert.class, settings, false))
 *     .build();
 * }</pre>
 */
public final class ConfluentAvroSerializationSchema<T extends SpecificRecord>
        implements SerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final RegistrySettings settings;
    private final String subject;
    private final Class<T> type;
    private final boolean autoRegister;

    private transient AvroRecordEncoder<T> encoder;

    public ConfluentAvroSerializationSchema(
            RegistrySettings settings, String subject, Class<T> type, boolean autoRegister) {
        this.settings = settings;
        this.subject = subject;
        this.type = type;
        this.autoRegister = autoRegister;
    }

    /** Values of {@code topic}, under its value subject. */
    public static <T extends SpecificRecord> ConfluentAvroSerializationSchema<T> forTopic(
            Topic topic, Class<T> type, RegistrySettings settings, boolean autoRegister) {
        return new ConfluentAvroSerializationSchema<>(
                settings, topic.valueSubject(), type, autoRegister);
    }

    @Override
    public void open(InitializationContext context) {
        encoder();
    }

    @Override
    public byte[] serialize(T element) {
        return encoder().encode(element);
    }

    /** Also built lazily: some callers serialize without calling open first. */
    private AvroRecordEncoder<T> encoder() {
        if (encoder == null) {
            RegistryClient client = new RegistryClient(settings);
            encoder =
                    new AvroRecordEncoder<>(
                            new RegistrySchemaResolver(client, autoRegister), subject, type);
        }
        return encoder;
    }
}
