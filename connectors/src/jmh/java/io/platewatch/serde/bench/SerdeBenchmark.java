package io.platewatch.serde.bench;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.PlateRead;
import io.platewatch.serde.AvroRecordDecoder;
import io.platewatch.serde.AvroRecordEncoder;
import io.platewatch.serde.SampleRecords;
import io.platewatch.serde.SchemaResolver;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of encoding and decoding one record in the Confluent wire format, with schema ids already
 * resolved: the steady state of a running job, where encoder and decoder answer from their caches
 * and never call the registry. The resolver is therefore a fixed map; it is consulted once, in
 * setup.
 *
 * <p>Sample mode is measured beside the average: on a shared, overloaded machine the average
 * absorbs every time the thread is descheduled, while the median of sampled single operations shows
 * the cost of the work itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {

    @Param({"PlateRead", "Alert"})
    public String record;

    private AvroRecordEncoder<SpecificRecord> encoder;
    private AvroRecordDecoder<SpecificRecord> decoder;
    private SpecificRecord sample;
    private byte[] encoded;

    @Setup
    @SuppressWarnings("unchecked")
    public void warmUp() {
        sample = "Alert".equals(record) ? SampleRecords.alert() : SampleRecords.plateRead();
        FixedIds ids =
                new FixedIds(Map.of(1, PlateRead.getClassSchema(), 2, Alert.getClassSchema()));
        Class<SpecificRecord> type = (Class<SpecificRecord>) sample.getClass();
        encoder = new AvroRecordEncoder<>(ids, record + "-value", type);
        decoder = new AvroRecordDecoder<>(ids, type);
        encoded = encoder.encode(sample);
        decoder.decode(encoded);
    }

    @Benchmark
    public byte[] encode() {
        return encoder.encode(sample);
    }

    @Benchmark
    public SpecificRecord decode() {
        return decoder.decode(encoded);
    }

    /** Schema ids fixed in advance, as a warm registry cache holds them. */
    private record FixedIds(Map<Integer, Schema> byId) implements SchemaResolver {
        @Override
        public int idOf(String subject, Schema schema) {
            return byId.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(schema))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
        }

        @Override
        public Schema schemaOf(int id) {
            return byId.get(id);
        }
    }
}
