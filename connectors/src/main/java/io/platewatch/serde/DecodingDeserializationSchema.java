package io.platewatch.serde;

import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.ErrorKind;
import java.io.IOException;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Flink Kafka source deserializer that never fails on a bad record: each Kafka record becomes a
 * {@link Decoded} holding either the record (read with the class's schema, whatever version wrote
 * it) or a dead letter with the original bytes, the source position, the {@link ErrorKind} and the
 * reason.
 *
 * <p>A registry outage is not a bad record: by default ({@link RegistryOutagePolicy#FAIL}) it fails
 * the task once the client's retries are spent, so Flink restarts from the last checkpoint and
 * nothing is lost; {@link RegistryOutagePolicy#DEAD_LETTER} keeps the job running instead. Only
 * records with a schema id not yet cached need the registry, so a running job with warm caches does
 * not notice an outage at all.
 *
 * <p>Counts decoded records and dead letters in the metrics {@code decodedRecords} and {@code
 * deadLetters}.
 */
public final class DecodingDeserializationSchema<T extends SpecificRecord>
        implements KafkaRecordDeserializationSchema<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    private final RegistrySettings settings;
    private final Class<T> type;
    private final String stage;
    private final RegistryOutagePolicy outagePolicy;
    private final Clock clock;

    private transient AvroRecordDecoder<T> decoder;
    private transient Counter decodedRecords;
    private transient Counter deadLetters;

    /**
     * Decodes into {@code type}, naming {@code stage} in dead letters, failing on registry outages.
     */
    public DecodingDeserializationSchema(RegistrySettings settings, Class<T> type, String stage) {
        this(settings, type, stage, RegistryOutagePolicy.FAIL, Clock.systemUTC());
    }

    private DecodingDeserializationSchema(
            RegistrySettings settings,
            Class<T> type,
            String stage,
            RegistryOutagePolicy outagePolicy,
            Clock clock) {
        this.settings = settings;
        this.type = type;
        this.stage = stage;
        this.outagePolicy = outagePolicy;
        this.clock = clock;
    }

    /** The same schema with another registry outage policy. */
    public DecodingDeserializationSchema<T> onRegistryOutage(RegistryOutagePolicy policy) {
        return new DecodingDeserializationSchema<>(settings, type, stage, policy, clock);
    }

    /** The same schema stamping dead letters with {@code clock}. */
    public DecodingDeserializationSchema<T> withClock(Clock clock) {
        return new DecodingDeserializationSchema<>(settings, type, stage, outagePolicy, clock);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder =
                new AvroRecordDecoder<>(
                        new RegistrySchemaResolver(new RegistryClient(settings), false), type);
        decodedRecords = context.getMetricGroup().counter("decodedRecords");
        deadLetters = context.getMetricGroup().counter("deadLetters");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<T>> out)
            throws IOException {
        Decoded<T> decoded = decode(record);
        if (decoded.isRecord()) {
            decodedRecords.inc();
        } else {
            deadLetters.inc();
        }
        out.collect(decoded);
    }

    private Decoded<T> decode(ConsumerRecord<byte[], byte[]> record) throws IOException {
        try {
            return Decoded.of(decoder.decode(record.value()));
        } catch (DecodeException e) {
            if (e.kind() == ErrorKind.REGISTRY_UNAVAILABLE
                    && outagePolicy == RegistryOutagePolicy.FAIL) {
                throw new IOException(
                        "schema registry unavailable at "
                                + record.topic()
                                + "/"
                                + record.partition()
                                + "@"
                                + record.offset()
                                + ": "
                                + e.reason(),
                        e);
            }
            return Decoded.failed(
                    DeadLetters.of(record, e.kind(), e.reason(), stage, clock.instant()));
        }
    }

    @Override
    public TypeInformation<Decoded<T>> getProducedType() {
        return DecodedTypeInfo.forClass(type);
    }
}
