package io.platewatch.serde;

import io.platewatch.registry.RegistryClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing Avro records in the Confluent wire format. The subject is the topic name
 * plus {@code -value} (or {@code -key}), Confluent's TopicNameStrategy.
 *
 * <p>Built by Kafka from configuration ({@link SerdeConfig}), or directly with a client.
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaResolver resolver;
    private boolean isKey;
    private String fixedSubject;
    private final Map<String, AvroRecordEncoder<T>> encodersByTopic = new ConcurrentHashMap<>();

    /** For Kafka, which configures it through {@link #configure}. */
    public ConfluentAvroSerializer() {}

    /** A value serializer using {@code client}, registering schemas when {@code autoRegister}. */
    public ConfluentAvroSerializer(RegistryClient client, boolean autoRegister) {
        this.resolver = new RegistrySchemaResolver(client, autoRegister);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.fixedSubject = SerdeConfig.subject(configs);
        if (resolver == null) {
            RegistryClient client = new RegistryClient(SerdeConfig.registrySettings(configs));
            this.resolver = new RegistrySchemaResolver(client, SerdeConfig.autoRegister(configs));
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        return encoderFor(topic, data).encode(data);
    }

    private String subjectOf(String topic) {
        if (fixedSubject != null) {
            return fixedSubject;
        }
        return topic + (isKey ? "-key" : "-value");
    }

    @SuppressWarnings("unchecked")
    private AvroRecordEncoder<T> encoderFor(String topic, T data) {
        if (resolver == null) {
            throw new IllegalStateException("serializer used before configure()");
        }
        return encodersByTopic.computeIfAbsent(
                topic,
                t -> new AvroRecordEncoder<>(resolver, subjectOf(t), (Class<T>) data.getClass()));
    }
}
