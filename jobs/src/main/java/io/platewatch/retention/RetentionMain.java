package io.platewatch.retention;

import io.platewatch.alerting.AlertingConfig;
import io.platewatch.cassandra.CassandraConnectionConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retention-job}: runs the retention job against Kafka, the schema registry and Cassandra.
 * Plate normalisation and look-alike folding come from the alerting job's configuration (its
 * defaults, a file, and {@code -D} overrides), so both jobs compute the same match keys.
 */
@Command(
        name = "retention-job",
        mixinStandardHelpOptions = true,
        description = "Stores reads, evidence, alerts, flags and audit events in Cassandra.")
public final class RetentionMain implements Callable<Integer> {

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(
            names = "--registry-url",
            defaultValue = "http://127.0.0.1:8081/apis/ccompat/v7",
            description = "Confluent API of the schema registry.")
    String registryUrl;

    @Option(names = "--registry-auto-register", defaultValue = "true", negatable = true)
    boolean autoRegister;

    @Option(
            names = "--group-id",
            defaultValue = "platewatch-retention",
            description = "Kafka consumer group.")
    String groupId;

    @Option(names = "--cassandra", defaultValue = "127.0.0.1:9042", description = "host:port")
    String contactPoint;

    @Option(
            names = "--datacenter",
            defaultValue = "datacenter1",
            description = "Local data centre of the driver.")
    String datacenter;

    @Option(
            names = "--keyspace",
            defaultValue = "platewatch",
            description = "Keyspace holding the retention schema.")
    String keyspace;

    @Option(
            names = "--evidence-retention-days",
            defaultValue = "1825",
            description = "Evidence is kept this many days after the link.")
    long evidenceRetentionDays;

    @Option(
            names = "--checkpoint-interval-seconds",
            defaultValue = "30",
            description = "Checkpoint interval; buffered writes are flushed at each.")
    long checkpointSeconds;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the job.")
    int parallelism;

    @Option(
            names = "--alerting-config",
            description = "Alerting job properties file, for plate normalisation and folding.")
    java.nio.file.Path alertingConfig;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RetentionMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RetentionConfig defaults =
                RetentionConfig.from(AlertingConfig.load(alertingConfig, java.util.Map.of()));
        RetentionConfig config =
                new RetentionConfig(
                        defaults.readRetention(),
                        Duration.ofDays(evidenceRetentionDays),
                        defaults.evidenceLookupPatience(),
                        defaults.normaliser(),
                        defaults.folding());
        CassandraConnectionConfig cassandra =
                new CassandraConnectionConfig(
                        List.of(contactPoint),
                        datacenter,
                        keyspace,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(2));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofSeconds(checkpointSeconds).toMillis());

        RetentionKafka kafka =
                new RetentionKafka(bootstrapServers, registryUrl, groupId, autoRegister);
        RetentionKafka.KafkaInputs inputs = kafka.inputs(env);
        new RetentionJob(config, cassandra).build(inputs.inputs());
        inputs.undecodable()
                .sinkTo(kafka.deadLetterSink())
                .name("retention-dead-letters")
                .uid("retention-dead-letters");

        env.execute("platewatch-retention");
        return 0;
    }
}
