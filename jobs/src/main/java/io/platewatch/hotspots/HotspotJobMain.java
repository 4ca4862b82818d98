package io.platewatch.hotspots;

import io.platewatch.elasticsearch.ElasticsearchSink;
import io.platewatch.elasticsearch.HotspotCellConverter;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import io.platewatch.serde.ConfluentAvroSerializationSchema;
import io.platewatch.serde.DeadLetterRouter;
import io.platewatch.serde.Decoded;
import io.platewatch.serde.DecodingDeserializationSchema;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the hot-spot job: incidents, alerts and plate reads from Kafka (Confluent wire format,
 * schemas from the registry), hot-spot cells into Elasticsearch, dead letters to the dead-letter
 * topic. Too-late events are counted in the {@code lateEvents} metric and not stored. Only wiring
 * lives here; the job is {@link HotspotJob}.
 *
 * <pre>
 *   java -cp ... io.platewatch.hotspots.HotspotJobMain --kafka 127.0.0.1:9092 \
 *     --registry http://127.0.0.1:8081/apis/ccompat/v7 --elasticsearch http://127.0.0.1:9200
 * </pre>
 */
@Command(
        name = "hotspot-job",
        mixinStandardHelpOptions = true,
        description = "Computes de-identified crime hot spots into Elasticsearch.")
public final class HotspotJobMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(HotspotJobMain.class);

    @Option(names = "--kafka", defaultValue = "127.0.0.1:9092", description = "Bootstrap servers.")
    String bootstrapServers;

    @Option(
            names = "--registry",
            defaultValue = "http://127.0.0.1:8081/apis/ccompat/v7",
            description = "Confluent-compatible schema registry URL.")
    String registryUrl;

    @Option(
            names = "--elasticsearch",
            defaultValue = "http://127.0.0.1:9200",
            description = "Elasticsearch URL.")
    String elasticsearchUrl;

    @Option(names = "--group-id", defaultValue = "platewatch-hotspots")
    String groupId;

    @Option(names = "--resolution", defaultValue = "8", description = "H3 resolution.")
    int resolution;

    @Option(
            names = "--min-count",
            defaultValue = "5",
            description = "k: counts below are withheld.")
    int minCount;

    @Option(
            names = "--allowed-lateness-minutes",
            defaultValue = "120",
            description = "Late events within this many minutes update their window.")
    long allowedLatenessMinutes;

    @Option(names = "--trend-windows", defaultValue = "6")
    int trendWindows;

    @Option(names = "--parallelism", defaultValue = "2")
    int parallelism;

    @Option(
            names = "--checkpoint-dir",
            defaultValue = "file:///tmp/platewatch/checkpoints/hotspots")
    String checkpointDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HotspotJobMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        HotspotConfig config =
                HotspotConfig.defaults()
                        .withResolution(resolution)
                        .withMinCount(minCount)
                        .withAllowedLateness(Duration.ofMinutes(allowedLatenessMinutes))
                        .withTrendWindows(trendWindows);
        LOG.info(
                "Starting hot-spot job: kafka={}, elasticsearch={}, resolution={}, k={}",
                bootstrapServers,
                elasticsearchUrl,
                resolution,
                minCount);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(flink());
        RegistrySettings registry = RegistrySettings.of(registryUrl);

        SingleOutputStreamOperator<Incident> incidents =
                source(
                        env,
                        registry,
                        Topic.INCIDENTS,
                        Incident.class,
                        config,
                        (i, ts) -> i.getOccurredAt().toEpochMilli());
        SingleOutputStreamOperator<Alert> alerts =
                source(
                        env,
                        registry,
                        Topic.ALERTS,
                        Alert.class,
                        config,
                        (a, ts) -> a.getCapturedAt().toEpochMilli());
        SingleOutputStreamOperator<PlateRead> reads =
                source(
                        env,
                        registry,
                        Topic.PLATE_READS,
                        PlateRead.class,
                        config,
                        (r, ts) -> r.getCapturedAt().toEpochMilli());

        HotspotJob.Outputs outputs =
                new HotspotJob(config).build(new HotspotJob.Inputs(incidents, alerts, reads));
        outputs.cells()
                .sinkTo(
                        ElasticsearchSink.<HotspotCell>builder()
                                .serverUrl(elasticsearchUrl)
                                .elementConverter(new HotspotCellConverter())
                                .build())
                .name("elasticsearch")
                .uid("hotspots-elasticsearch-sink");
        DataStream<DeadLetter> deadLetters =
                outputs.deadLetters()
                        .union(
                                incidents.getSideOutput(DeadLetterRouter.DEAD_LETTERS),
                                alerts.getSideOutput(DeadLetterRouter.DEAD_LETTERS),
                                reads.getSideOutput(DeadLetterRouter.DEAD_LETTERS));
        deadLetters
                .sinkTo(deadLetterSink(registry))
                .name("dead letters")
                .uid("hotspots-dead-letters");
        // Too-late events are already counted in the lateEvents metric; nothing to store.
        outputs.lateEvents().sinkTo(new DiscardingSink<>()).name("too-late events (counted)");
        env.execute("platewatch-hotspots");
        return 0;
    }

    private Configuration flink() {
        Configuration flink = new Configuration();
        flink.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(30));
        // Every type of the job has its own serializer; a Kryo fallback is a mistake.
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        return flink;
    }

    /**
     * A Kafka topic decoded with the registry, undecodable records on the dead-letter side output,
     * timestamps from the records' own event time.
     */
    private <T extends SpecificRecord> SingleOutputStreamOperator<T> source(
            StreamExecutionEnvironment env,
            RegistrySettings registry,
            Topic topic,
            Class<T> type,
            HotspotConfig config,
            SerializableTimestampAssigner<T> eventTime) {
        KafkaSource<Decoded<T>> source =
                KafkaSource.<Decoded<T>>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(topic.topicName())
                        .setGroupId(groupId)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(
                                new DecodingDeserializationSchema<>(
                                        registry, type, "hotspots/decode-" + topic.topicName()))
                        .build();
        WatermarkStrategy<Decoded<T>> watermarks =
                WatermarkStrategy.<Decoded<T>>forBoundedOutOfOrderness(config.outOfOrderness())
                        .withTimestampAssigner(
                                (decoded, kafkaTime) ->
                                        decoded.isRecord()
                                                ? eventTime.extractTimestamp(
                                                        decoded.record(), kafkaTime)
                                                : kafkaTime)
                        .withIdleness(config.idleness());
        String name = "hotspots-" + topic.topicName();
        return DeadLetterRouter.route(env.fromSource(source, watermarks, name).uid(name), type);
    }

    private Sink<DeadLetter> deadLetterSink(RegistrySettings registry) {
        String topic = Topic.DEAD_LETTERS.topicName();
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<DeadLetter>builder()
                                .setTopic(topic)
                                .setValueSerializationSchema(
                                        new ConfluentAvroSerializationSchema<>(
                                                registry, topic + "-value", DeadLetter.class, true))
                                .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
