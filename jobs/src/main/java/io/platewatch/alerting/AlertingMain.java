package io.platewatch.alerting;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the alerting job: loads the configuration, wires Kafka sources and sinks around
 * {@link AlertingJob} and runs it. Started with {@code java -cp} it runs on an embedded Flink mini
 * cluster in this JVM; submitted to a Flink cluster it runs there.
 *
 * <pre>
 * java -cp jobs.jar:... io.platewatch.alerting.AlertingMain \
 *     --config alerting-local.properties -Dstate.backend=hashmap --rest-port 8082
 * </pre>
 */
@Command(
        name = "alerting-job",
        mixinStandardHelpOptions = true,
        description = "Matches plate reads against flagged vehicles and raises alerts.")
public final class AlertingMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingMain.class);

    static final String JOB_NAME = "platewatch-alerting";

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Properties file; keys as in alerting.properties (the defaults).")
    private Path configFile;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. -Dalert.cooldown='10 min'.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(
            names = "--rest-port",
            paramLabel = "PORT",
            description =
                    "Run on a local mini cluster with Flink's REST API (job status, metrics) on"
                            + " this port.")
    private Integer restPort;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AlertingMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        AlertingConfig config = AlertingConfig.load(configFile, overrides);
        LOG.info(
                "Starting alerting job: kafka={}, registry={}, reads={}, alerts={}, state={},"
                        + " parallelism={}",
                config.bootstrapServers(),
                config.registryUrl(),
                config.readsTopic(),
                config.alertsTopic(),
                config.stateBackend(),
                config.parallelism());
        StreamExecutionEnvironment env = environment(config, restPort);
        wire(env, config);
        env.execute(JOB_NAME);
        return 0;
    }

    /** Kafka sources, the job and Kafka sinks, added to {@code env}. */
    static void wire(StreamExecutionEnvironment env, AlertingConfig config) {
        AlertingKafka kafka = new AlertingKafka(config);
        kafka.registerOutputSchemas();
        AlertingKafka.KafkaInputs inputs = kafka.inputs(env);
        AlertingJob.Outputs outputs =
                new AlertingJob(config, Clock.systemUTC()).build(inputs.inputs());
        AlertingJob.attach(outputs, kafka.sinks(), inputs.undecodable());
    }

    /**
     * The Flink environment of the job: state backend (RocksDB with incremental checkpoints in
     * production, hashmap for local runs), exactly-once checkpoints at the configured interval,
     * parallelism, a short network buffer timeout. A REST port asks for a local mini cluster that
     * serves Flink's REST API.
     */
    static StreamExecutionEnvironment environment(AlertingConfig config, Integer restPort) {
        Configuration flink = flinkConfiguration(config);
        if (restPort != null) {
            flink.set(RestOptions.PORT, restPort);
            return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(flink);
    }

    static Configuration flinkConfiguration(AlertingConfig config) {
        Configuration flink = new Configuration();
        flink.set(StateBackendOptions.STATE_BACKEND, config.stateBackend());
        if (config.stateBackend().equals("rocksdb")) {
            flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        }
        flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir());
        flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
        flink.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        flink.set(CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
        flink.set(ExecutionOptions.BUFFER_TIMEOUT, config.networkBufferTimeout());
        // Every record type has a Flink serializer of its own (POJO or Avro); a type falling back
        // to Kryo is a mistake that should stop the job at submission, not slow it down.
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        return flink;
    }
}
