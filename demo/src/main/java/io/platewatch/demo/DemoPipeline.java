package io.platewatch.demo;

import io.platewatch.alerting.AlertingConfig;
import io.platewatch.alerting.AlertingJob;
import io.platewatch.alerting.AlertingKafka;
import io.platewatch.cassandra.CassandraConnectionConfig;
import io.platewatch.elasticsearch.ElasticsearchSink;
import io.platewatch.elasticsearch.HotspotCellConverter;
import io.platewatch.hotspots.HotspotConfig;
import io.platewatch.hotspots.HotspotJob;
import io.platewatch.retention.RetentionConfig;
import io.platewatch.retention.RetentionJob;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.HotspotCell;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo's jobs in one Flink pipeline on an embedded cluster with its web UI: the alerting job
 * always; the retention job when Cassandra runs; the hot-spot job when Elasticsearch runs. Each job
 * is built with its own builder on the one environment. Retention and hot-spots take the alerting
 * job's decoded streams (reads, flags, incidents, alerts, evidence links) directly, instead of
 * reading the same topics a second time, so the three jobs share one set of Kafka sources.
 *
 * <p>Settings differ from production where a laptop demo needs it: the hashmap state backend,
 * checkpoints every 10 s (evidence links become visible at each), and a read window of two days
 * instead of 60, because the simulator compresses weeks of camera traffic into minutes and the held
 * reads would otherwise fill the heap.
 */
@Command(
        name = "demo-pipeline",
        mixinStandardHelpOptions = true,
        description = "Runs the alerting, retention and hot-spot jobs on an embedded Flink.")
public final class DemoPipeline implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPipeline.class);

    /** Consumer group of the jobs' Kafka sources; see {@link JobStartPosition}. */
    static final String GROUP_ID = "platewatch-demo";

    @Option(names = "--bootstrap-servers", required = true)
    String bootstrapServers;

    @Option(names = "--registry-url", required = true)
    String registryUrl;

    @Option(names = "--flink-ui-port", defaultValue = "8082")
    int flinkUiPort;

    @Option(names = "--parallelism", defaultValue = "1")
    int parallelism;

    @Option(names = "--checkpoint-dir", required = true, description = "A file:// URI.")
    String checkpointDir;

    @Option(names = "--cassandra", description = "CQL contact point; no retention job without.")
    String cassandra;

    @Option(names = "--cassandra-keyspace", defaultValue = "platewatch")
    String cassandraKeyspace;

    @Option(names = "--elasticsearch", description = "Base URL; no hot-spot job without.")
    String elasticsearch;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoPipeline()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        AlertingConfig alerting = AlertingConfig.load(null, alertingOverrides());
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flinkConfiguration());
        List<String> jobs = build(env, alerting);
        LOG.info("Running {} with web UI on port {}", jobs, flinkUiPort);
        env.execute("platewatch-demo: " + String.join(" + ", jobs));
        return 0;
    }

    /** Adds the jobs to {@code env}; returns their names. */
    List<String> build(StreamExecutionEnvironment env, AlertingConfig alerting) {
        List<String> jobs = new ArrayList<>(List.of("alerting"));
        AlertingKafka kafka = new AlertingKafka(alerting);
        kafka.registerOutputSchemas();
        AlertingKafka.KafkaInputs kafkaInputs = kafka.inputs(env);
        AlertingJob.Inputs inputs = kafkaInputs.inputs();
        AlertingJob.Outputs outputs = new AlertingJob(alerting, Clock.systemUTC()).build(inputs);
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        deadLetters.add(kafkaInputs.undecodable());

        if (cassandra != null) {
            new RetentionJob(
                            RetentionConfig.from(alerting),
                            CassandraConnectionConfig.of(cassandra, cassandraKeyspace))
                    .build(
                            RetentionJob.Inputs.fromAlerting(
                                    outputs, inputs.reads(), inputs.flags()));
            jobs.add("retention");
        }
        if (elasticsearch != null) {
            deadLetters.add(hotspots(inputs, outputs));
            jobs.add("hot-spots");
        }

        @SuppressWarnings("unchecked")
        DataStream<DeadLetter>[] extra = deadLetters.toArray(new DataStream[0]);
        AlertingJob.attach(outputs, kafka.sinks(), extra);
        return jobs;
    }

    /** The hot-spot job on the alerting job's streams, cells to Elasticsearch. */
    private DataStream<DeadLetter> hotspots(
            AlertingJob.Inputs inputs, AlertingJob.Outputs outputs) {
        HotspotConfig config = HotspotConfig.defaults();
        // The hot-spot job keys time on other fields (an incident's occurrence, not its report).
        HotspotJob.Outputs cells =
                new HotspotJob(config)
                        .build(
                                new HotspotJob.Inputs(
                                        inputs.incidents()
                                                .assignTimestampsAndWatermarks(
                                                        HotspotJob.incidentWatermarks(config))
                                                .name("hot-spot incident time"),
                                        outputs.alerts()
                                                .assignTimestampsAndWatermarks(
                                                        HotspotJob.alertWatermarks(config))
                                                .name("hot-spot alert time"),
                                        inputs.reads()
                                                .assignTimestampsAndWatermarks(
                                                        HotspotJob.readWatermarks(config))
                                                .name("hot-spot read time")));
        cells.cells()
                .sinkTo(
                        ElasticsearchSink.<HotspotCell>builder()
                                .serverUrl(elasticsearch)
                                .elementConverter(new HotspotCellConverter())
                                .build())
                .name("hot-spot cells")
                .uid("hotspots-cell-sink");
        // Too-late events are counted by the job's lateEvents metric; the demo keeps no more.
        cells.lateEvents()
                .sinkTo(new DiscardingSink<>())
                .name("too-late events")
                .uid("hotspots-late-sink");
        return cells.deadLetters();
    }

    private Map<String, String> alertingOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("kafka.bootstrap-servers", bootstrapServers);
        overrides.put("registry.url", registryUrl);
        overrides.put("kafka.group-id", GROUP_ID);
        overrides.put("kafka.transactional-id-prefix", "platewatch-demo-evidence");
        overrides.put("state.backend", "hashmap");
        overrides.put("checkpoint.dir", checkpointDir);
        overrides.put("checkpoint.interval", "10 s");
        overrides.put("parallelism", Integer.toString(parallelism));
        overrides.put("retention.read-window", "2 d");
        overrides.put("retention.state-ttl-backstop", "3 d");
        return overrides;
    }

    private Configuration flinkConfiguration() {
        Configuration flink = new Configuration();
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(RestOptions.PORT, flinkUiPort);
        flink.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        flink.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, java.time.Duration.ofSeconds(10));
        flink.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        flink.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        flink.set(ExecutionOptions.BUFFER_TIMEOUT, java.time.Duration.ofMillis(10));
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        return flink;
    }
}
