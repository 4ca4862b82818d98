package io.platewatch.retention;

import com.datastax.oss.driver.api.core.CqlSession;
import io.platewatch.cassandra.CassandraConnectionConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retention-check}: scans the retention tables, prints per table how many rows fall in each
 * age bucket, and lists rows whose TTL would keep them longer than their rule (reads and alerts:
 * capture + 60 days; evidence: link + evidence retention; flags: their expiry). Exits 1 when any
 * such row exists, 0 otherwise, 2 on bad arguments.
 */
@Command(
        name = "retention-check",
        mixinStandardHelpOptions = true,
        description =
                "Reports rows by age per retention table and any row whose TTL outlives its"
                        + " rule; exit code 1 if there is one.")
public final class RetentionCheckCommand implements Callable<Integer> {

    @Option(names = "--cassandra", defaultValue = "127.0.0.1:9042", description = "host:port")
    String contactPoint;

    @Option(
            names = "--keyspace",
            defaultValue = "platewatch",
            description = "Keyspace of the tables.")
    String keyspace;

    @Option(
            names = "--datacenter",
            defaultValue = "datacenter1",
            description = "Local data centre of the driver.")
    String datacenter;

    @Option(
            names = "--read-retention-days",
            defaultValue = "60",
            description = "Rule for reads and alerts: gone this many days after capture.")
    long readRetentionDays;

    @Option(
            names = "--evidence-retention-days",
            defaultValue = "1825",
            description = "Rule for evidence: gone this many days after the link.")
    long evidenceRetentionDays;

    @Option(
            names = "--tolerance-seconds",
            defaultValue = "5",
            description = "How far past its deadline a TTL may end before it counts.")
    long toleranceSeconds;

    @Option(names = "--examples", defaultValue = "20", description = "Violations listed by id.")
    int examples;

    @Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RetentionCheckCommand()).execute(args));
    }

    @Override
    public Integer call() {
        CassandraConnectionConfig connection =
                new CassandraConnectionConfig(
                        List.of(contactPoint),
                        datacenter,
                        keyspace,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2));
        RetentionRules rules =
                new RetentionRules(
                        Duration.ofDays(readRetentionDays), Duration.ofDays(evidenceRetentionDays));
        RetentionReport report;
        try (CqlSession session = connection.openSession()) {
            report =
                    new RetentionScan(session, rules, Duration.ofSeconds(toleranceSeconds))
                            .run(Instant.now(), examples);
        }
        PrintWriter out = spec.commandLine().getOut();
        report.lines().forEach(out::println);
        out.println(
                report.violations() == 0
                        ? "OK: no row outlives its retention rule"
                        : "FAIL: " + report.violations() + " row(s) outlive their retention rule");
        out.flush();
        return report.violations() == 0 ? 0 : 1;
    }
}
