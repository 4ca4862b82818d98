package io.platewatch.retention;

import io.platewatch.alerting.AlertingConfig;
import io.platewatch.cassandra.CassandraConnectionConfig;
import io.platewatch.cassandra.CassandraSink;
import io.platewatch.cassandra.CassandraSinkOptions;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retention-sink-bench}: writes synthetic reads through the real Cassandra sink and read
 * mapping (two rows per read: by vehicle and by site) into a running node, and reports rows per
 * second with the machine's load average at the end of the run, as {@code uptime} shows it. The
 * figures are printed and appended as one CSV line to the output file. Reads are generated in the
 * job, so the figure is the sink's and the node's, not a source's. The time includes the job's
 * start (a few seconds of a local Flink cluster and the driver's connect), so runs of 200,000 reads
 * or more give the steady figure; on the shared 2-core machine it also moves with the load average
 * printed beside it.
 */
@Command(
        name = "retention-sink-bench",
        mixinStandardHelpOptions = true,
        description = "Measures Cassandra sink throughput (rows/s) on synthetic reads.")
public final class RetentionSinkBenchmark implements Callable<Integer> {

    @Option(names = "--cassandra", defaultValue = "127.0.0.1:9042", description = "host:port")
    String contactPoint;

    @Option(
            names = "--keyspace",
            defaultValue = "platewatch",
            description = "Keyspace holding the retention schema.")
    String keyspace;

    @Option(names = "--reads", defaultValue = "50000", description = "Reads to write.")
    long reads;

    @Option(names = "--parallelism", defaultValue = "1", description = "Sink subtasks.")
    int parallelism;

    @Option(
            names = "--max-in-flight",
            defaultValue = "" + CassandraSinkOptions.MAX_IN_FLIGHT_REQUESTS,
            description = "Batches in flight per subtask.")
    int maxInFlight;

    @Option(
            names = "--batch-size",
            defaultValue = "" + CassandraSinkOptions.MAX_BATCH_SIZE,
            description = "Reads per batch.")
    int batchSize;

    @Option(
            names = "--output",
            defaultValue = "target/bench/cassandra-sink.csv",
            description = "CSV file the figures are appended to.")
    Path output;

    @Spec CommandLine.Model.CommandSpec spec;

    /** One run's figures. */
    public record Result(
            long reads, long rows, double seconds, double rowsPerSecond, String loadAverage) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new RetentionSinkBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Result result = run();
        String line =
                String.format(
                        Locale.ROOT,
                        "%s,%d,%d,%d,%d,%d,%.2f,%.0f,%s",
                        Instant.now(),
                        result.reads(),
                        result.rows(),
                        parallelism,
                        batchSize,
                        maxInFlight,
                        result.seconds(),
                        result.rowsPerSecond(),
                        result.loadAverage());
        save(line);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "reads %d, rows %d, %.2f s, %.0f rows/s, parallelism %d, load average %s%n",
                result.reads(),
                result.rows(),
                result.seconds(),
                result.rowsPerSecond(),
                parallelism,
                result.loadAverage());
        out.println("saved to " + output.toAbsolutePath());
        out.flush();
        return 0;
    }

    /** Runs the job and measures it; the keyspace must hold the retention schema. */
    public Result run() throws Exception {
        RetentionConfig config = RetentionConfig.from(AlertingConfig.defaults());
        CassandraSink<PlateRead> sink =
                CassandraSink.<PlateRead>builder()
                        .setConnection(CassandraConnectionConfig.of(contactPoint, keyspace))
                        .setRowMapper(new ReadRows(config))
                        .setMaxBatchSize(batchSize)
                        .setMaxInFlightRequests(maxInFlight)
                        .build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long now = System.currentTimeMillis();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromSequence(1, reads)
                .map(
                        i -> syntheticRead(run, i, now),
                        SpecificRecordTypeInfo.forClass(PlateRead.class))
                .sinkTo(sink);

        long started = System.nanoTime();
        env.execute("retention-sink-bench");
        double seconds = (System.nanoTime() - started) / 1e9;

        long rows = reads * 2;
        return new Result(reads, rows, seconds, rows / seconds, loadAverage());
    }

    /** A read a day old at one of 50 sites, with a plate unique to the run. */
    static PlateRead syntheticRead(String run, long i, long now) {
        Instant capturedAt = Instant.ofEpochMilli(now - Duration.ofDays(1).toMillis() + i);
        return PlateRead.newBuilder()
                .setReadId(run + "-" + i)
                .setCameraId("bench-camera-" + (i % 200))
                .setSiteId("bench-site-" + (i % 50))
                .setOrganisationId("bench-org")
                .setCapturedAt(capturedAt)
                .setReceivedAt(capturedAt.plusSeconds(1))
                .setPlate(String.format(Locale.ROOT, "BX%07d", i))
                .setConfidence(0.9f)
                .setCandidates(List.of())
                .setPosition(new GeoPoint(-36.85, 174.76))
                .setDirection(TravelDirection.APPROACHING)
                .build();
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void save(String line) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!Files.exists(output)) {
            Files.writeString(
                    output,
                    "time,reads,rows,parallelism,batch_size,max_in_flight,seconds,rows_per_s,"
                            + "load_1m load_5m load_15m\n",
                    StandardCharsets.UTF_8);
        }
        Files.writeString(output, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
