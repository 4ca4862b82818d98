package io.platewatch.serde;

import io.platewatch.registry.RegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer reading Confluent-wire-format values into one generated Avro class, with
 * schema evolution from whatever writer schema the value names.
 *
 * <p>A bad value throws a {@link DecodeException} (a Kafka {@code SerializationException}) with its
 * {@code ErrorKind} and reason, which the consumer reports as a {@code
 * RecordDeserializationException} carrying the partition and offset, so the caller can record it
 * and seek past it. Flink jobs use {@link DecodingDeserializationSchema} instead, which turns bad
 * values into dead letters. A null value (a tombstone) is returned as null.
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private AvroRecordDecoder<T> decoder;

    /** For Kafka, which configures it through {@link #configure}. */
    public ConfluentAvroDeserializer() {}

    /** A deserializer into {@code type} using {@code client}. */
    public ConfluentAvroDeserializer(RegistryClient client, Class<T> type) {
        this.decoder = new AvroRecordDecoder<>(new RegistrySchemaResolver(client, false), type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (decoder != null) {
            return;
        }
        Class<?> type =
                SerdeConfig.recordClass(
                        configs, isKey ? SerdeConfig.KEY_TYPE : SerdeConfig.VALUE_TYPE);
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a generated Avro class");
        }
        RegistryClient client = new RegistryClient(SerdeConfig.registrySettings(configs));
        this.decoder =
                new AvroRecordDecoder<>(new RegistrySchemaResolver(client, false), (Class<T>) type);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (decoder == null) {
            throw new IllegalStateException("deserializer used before configure()");
        }
        return decoder.decode(data);
    }
}
