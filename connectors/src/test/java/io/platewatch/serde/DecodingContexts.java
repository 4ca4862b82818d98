package io.platewatch.serde;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Runs a deserialization schema outside a job, as the Kafka source reader would. */
final class DecodingContexts {

    private DecodingContexts() {}

    static DeserializationSchema.InitializationContext context() {
        return new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return SimpleUserCodeClassLoader.create(DecodingContexts.class.getClassLoader());
            }
        };
    }

    /** What the opened {@code schema} emits for one consumed record. */
    static <T extends SpecificRecord> List<Decoded<T>> decode(
            DecodingDeserializationSchema<T> schema, ConsumerRecord<byte[], byte[]> record)
            throws Exception {
        List<Decoded<T>> out = new ArrayList<>();
        schema.deserialize(record, new ListCollector<>(out));
        return out;
    }
}
