package io.platewatch.retention;

import static io.platewatch.retention.RetentionSamples.alert;
import static io.platewatch.retention.RetentionSamples.audit;
import static io.platewatch.retention.RetentionSamples.flag;
import static io.platewatch.retention.RetentionSamples.incident;
import static io.platewatch.retention.RetentionSamples.link;
import static io.platewatch.retention.RetentionSamples.read;
import static io.platewatch.retention.RetentionSamples.withCandidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.platewatch.alerting.AlertIds;
import io.platewatch.alerting.AlertingConfig;
import io.platewatch.alerting.AlertingJob;
import io.platewatch.cassandra.CassandraConnectionConfig;
import io.platewatch.infra.cassandra.CassandraServer;
import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.infra.testing.StackServices;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.AuditEvent;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The retention job against a real Cassandra node: per-row TTLs follow the retention rules, expired
 * reads are not stored, evidence outlives its read, replays change nothing, and the retention check
 * finds a row that would outlive its rule.
 */
@ExtendWith(LocalStackExtension.class)
@StackServices(ServiceKind.CASSANDRA)
class RetentionStoreTest {

    private static final long DAY = Duration.ofDays(1).toSeconds();
    private static final RetentionConfig CONFIG =
            RetentionConfig.from(AlertingConfig.defaults())
                    .withEvidenceLookupPatience(Duration.ofSeconds(20));

    private static CassandraServer cassandra;
    private static CqlSession session;
    private static final ReadMatchKeys KEYS =
            new ReadMatchKeys(CONFIG.normaliser(), CONFIG.folding());

    @BeforeAll
    static void connect() {
        cassandra = LocalStackExtension.server(ServiceKind.CASSANDRA, CassandraServer.class);
        session = connection().openSession();
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @Test
    void readCapturedTenDaysAgoIsKeptForFiftyMoreDays() throws Exception {
        String run = run();
        PlateRead read = read(run, "r1", Instant.now().minus(Duration.ofDays(10)), "ABC123");

        store(
                RetentionConfig.from(AlertingConfig.defaults()),
                List.of(read),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        // TTL() reports what is left now; now + that is when the row goes, which must be
        // capture + 60 days to the second (the TTL is rounded down when written), so the TTL
        // given at write time was 60 days minus the read's age then: 50 days and the seconds the
        // job took to start.
        Instant expiry = Instant.now().plusSeconds(vehicleTtl(read, mainKey(read)));
        Instant rule = read.getCapturedAt().plus(Duration.ofDays(60));
        assertThat(Duration.between(expiry, rule).toMillis()).isBetween(-5_000L, 2_000L);
        assertThat(vehicleTtl(read, mainKey(read))).isCloseTo(50 * DAY, within(120L));
        assertThat(siteTtl(read)).isCloseTo(50 * DAY, within(120L));
    }

    @Test
    void readOlderThanSixtyDaysIsNotStored() throws Exception {
        String run = run();
        PlateRead read = read(run, "r1", Instant.now().minus(Duration.ofDays(61)), "ABC123");

        store(CONFIG, List.of(read), List.of(), List.of(), List.of(), List.of());

        assertThat(vehicleRow(read, mainKey(read))).isNull();
        assertThat(siteRows(read)).isEmpty();
    }

    @Test
    void readLinkedToAnIncidentSurvivesAsEvidenceForTheIncidentRetention() throws Exception {
        String run = run();
        Instant now = Instant.now();
        PlateRead read =
                withCandidate(read(run, "r1", now.minus(Duration.ofDays(59)), "ABC123"), "ABC128");
        List<String> keys = new ArrayList<>(KEYS.of(read).keySet());
        // One link matched the main plate, the other an alternative reading.
        EvidenceLink mainLink = link(read, keys.get(0), "flag-a", "incident-" + run, now);
        EvidenceLink candidateLink = link(read, keys.get(1), "flag-b", "incident-" + run, now);

        store(
                CONFIG,
                List.of(read),
                List.of(mainLink, candidateLink),
                List.of(),
                List.of(),
                List.of());

        assertThat(vehicleTtl(read, keys.get(0))).isCloseTo(DAY, within(120L));
        List<Row> evidence =
                session.execute(
                                "SELECT flag_id, read_found, plate, site_id, TTL(link_id) AS ttl"
                                        + " FROM evidence_by_incident WHERE incident_id = ?",
                                "incident-" + run)
                        .all();
        assertThat(evidence).hasSize(2);
        for (Row row : evidence) {
            assertThat(row.getBoolean("read_found")).isTrue();
            assertThat(row.getString("plate")).isEqualTo("ABC123");
            assertThat(row.getString("site_id")).isEqualTo(read.getSiteId());
            assertThat((long) row.getInt("ttl")).isCloseTo(5 * 365 * DAY, within(120L));
            Instant expiry = Instant.now().plusSeconds(row.getInt("ttl"));
            Instant rule = now.plus(Duration.ofDays(5 * 365));
            assertThat(Duration.between(expiry, rule).toMillis()).isBetween(-5_000L, 2_000L);
        }
    }

    @Test
    void alertingJobsOutputsStoredInTheSameJobKeepTheMatchedReadAsEvidence() throws Exception {
        String run = run();
        Instant now = Instant.now();
        String incidentId = "incident-" + run;
        PlateRead read =
                read(run, "r1", now.minus(Duration.ofHours(1)), "MNO" + run.substring(0, 3));
        VehicleFlag flag =
                VehicleFlag.newBuilder(
                                flag(
                                        "flag-" + run,
                                        FlagAction.ADD,
                                        read.getPlate(),
                                        now.minus(Duration.ofDays(2)),
                                        null))
                        .setCategory(FlagCategory.INCIDENT_LINKED)
                        .setIncidentId(incidentId)
                        .build();
        Incident noVehicles = incident(run, now);
        AlertingConfig alertingConfig = AlertingConfig.defaults();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<PlateRead> reads =
                stream(env, List.of(read), PlateRead.class)
                        .assignTimestampsAndWatermarks(AlertingJob.readWatermarks(alertingConfig));
        DataStream<VehicleFlag> flags =
                stream(env, List.of(flag), VehicleFlag.class)
                        .assignTimestampsAndWatermarks(AlertingJob.flagWatermarks(alertingConfig));
        DataStream<Incident> incidents =
                stream(env, List.of(noVehicles), Incident.class)
                        .assignTimestampsAndWatermarks(
                                AlertingJob.incidentWatermarks(alertingConfig));
        AlertingJob.Outputs alerting =
                new AlertingJob(alertingConfig, Clock.systemUTC())
                        .build(new AlertingJob.Inputs(reads, flags, incidents));
        new RetentionJob(CONFIG, connection())
                .build(RetentionJob.Inputs.fromAlerting(alerting, reads, flags));
        env.execute("alerting-and-retention");

        Row evidence =
                session.execute(
                                "SELECT read_id, read_found, site_id, TTL(link_id) AS ttl"
                                        + " FROM evidence_by_incident WHERE incident_id = ?",
                                incidentId)
                        .one();
        assertThat(evidence).isNotNull();
        assertThat(evidence.getString("read_id")).isEqualTo(read.getReadId());
        assertThat(evidence.getBoolean("read_found")).isTrue();
        assertThat(evidence.getString("site_id")).isEqualTo(read.getSiteId());
        assertThat((long) evidence.getInt("ttl")).isGreaterThan(5 * 365 * DAY - 600);
        assertThat(
                        session.execute(
                                        "SELECT alert_id FROM alerts_by_id WHERE alert_id = ?",
                                        AlertIds.alertId(
                                                read.getCameraId(),
                                                read.getReadId(),
                                                flag.getFlagId()))
                                .one())
                .isNotNull();
    }

    @Test
    void linkWhoseReadNeverArrivesIsStoredFromTheLinkAlone() throws Exception {
        String run = run();
        PlateRead neverStored = read(run, "r1", Instant.now().minus(Duration.ofDays(3)), "XYZ789");
        EvidenceLink link =
                link(neverStored, mainKey(neverStored), "flag-a", "incident-" + run, Instant.now());

        store(
                CONFIG.withEvidenceLookupPatience(Duration.ofSeconds(2)),
                List.of(),
                List.of(link),
                List.of(),
                List.of(),
                List.of());

        Row row =
                session.execute(
                                "SELECT read_found, plate, link_id FROM evidence_by_incident"
                                        + " WHERE incident_id = ?",
                                "incident-" + run)
                        .one();
        assertThat(row).isNotNull();
        assertThat(row.getBoolean("read_found")).isFalse();
        assertThat(row.getString("plate")).isNull();
        assertThat(row.getString("link_id")).isEqualTo(link.getLinkId());
    }

    @Test
    void replayingTheSameInputTwiceLeavesTheSameRows() throws Exception {
        String run = run();
        Instant now = Instant.now();
        PlateRead read = read(run, "r1", now.minus(Duration.ofDays(2)), "DEF456");
        EvidenceLink link = link(read, mainKey(read), "flag-" + run, "incident-" + run, now);
        Alert alert = alert(read, "flag-" + run, now);
        VehicleFlag flag = flag("flag-" + run, FlagAction.ADD, "DEF456", now, null);
        AuditEvent event = audit(run, "e1", now);
        List<PlateRead> reads = List.of(read);

        store(CONFIG, reads, List.of(link), List.of(alert), List.of(flag), List.of(event));
        List<String> first = snapshot(run, read, alert, flag, event);
        store(CONFIG, reads, List.of(link), List.of(alert), List.of(flag), List.of(event));
        List<String> second = snapshot(run, read, alert, flag, event);

        assertThat(first).hasSize(8);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void flagUpdateThatChangesThePlateMovesItsRowAndRemovalDeletesIt() throws Exception {
        String run = run();
        String flagId = "flag-" + run;
        Instant t0 = Instant.now();
        VehicleFlag added =
                flag(flagId, FlagAction.ADD, "GHI111", t0, t0.plus(Duration.ofDays(30)));
        VehicleFlag moved = flag(flagId, FlagAction.UPDATE, "GHI222", t0.plusSeconds(1), null);

        store(CONFIG, List.of(), List.of(), List.of(), List.of(added, moved), List.of());

        assertThat(flagRow(KEYS.ofFlagPlate("GHI111"), flagId)).isNull();
        assertThat(flagRow(KEYS.ofFlagPlate("GHI222"), flagId)).isNotNull();

        VehicleFlag removed = flag(flagId, FlagAction.REMOVE, "GHI222", t0.plusSeconds(2), null);
        store(CONFIG, List.of(), List.of(), List.of(), List.of(removed), List.of());

        assertThat(flagRow(KEYS.ofFlagPlate("GHI222"), flagId)).isNull();
    }

    @Test
    void retentionCheckPassesOnStoredRowsAndFailsOnARowThatOutlivesItsRule() throws Exception {
        String run = run();
        PlateRead read = read(run, "r1", Instant.now().minus(Duration.ofDays(5)), "JKL333");
        store(CONFIG, List.of(read), List.of(), List.of(), List.of(), List.of());

        assertThat(check().exitCode()).isZero();

        // A writer that ignored the rule: the read is 5 days old but kept for 60 more.
        String key = mainKey(read);
        session.execute(
                "UPDATE reads_by_vehicle USING TTL ? SET site_id = ? WHERE match_key = ?"
                        + " AND day_bucket = ? AND captured_at = ? AND camera_id = ?"
                        + " AND read_id = ?",
                (int) (60 * DAY),
                read.getSiteId(),
                key,
                day(read),
                read.getCapturedAt(),
                read.getCameraId(),
                read.getReadId());
        try {
            CheckResult failing = check();
            assertThat(failing.exitCode()).isEqualTo(1);
            assertThat(failing.output())
                    .contains("reads_by_vehicle camera_id=" + read.getCameraId())
                    .contains("TTL outlives its rule")
                    .doesNotContain("JKL333");
        } finally {
            session.execute(
                    "DELETE FROM reads_by_vehicle WHERE match_key = ? AND day_bucket = ?",
                    key,
                    day(read));
        }
    }

    @Test
    void benchmarkSmokeRunWritesEveryRowAndSavesItsFigures(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("bench.csv");
        StringWriter text = new StringWriter();
        CommandLine command = new CommandLine(new RetentionSinkBenchmark());
        command.setOut(new PrintWriter(text));

        int exitCode =
                command.execute(
                        "--cassandra", cassandra.endpoint(),
                        "--keyspace", cassandra.keyspace(),
                        "--reads", "500",
                        "--output", output.toString());

        assertThat(exitCode).isZero();
        assertThat(text.toString()).contains("reads 500, rows 1000").contains("rows/s");
        assertThat(java.nio.file.Files.readAllLines(output)).hasSize(2);
    }

    /** Runs the retention job once over the given records and waits for it to finish. */
    private static void store(
            RetentionConfig config,
            List<PlateRead> reads,
            List<EvidenceLink> links,
            List<Alert> alerts,
            List<VehicleFlag> flags,
            List<AuditEvent> events)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        new RetentionJob(config, connection())
                .build(
                        new RetentionJob.Inputs(
                                stream(env, reads, PlateRead.class),
                                stream(env, links, EvidenceLink.class),
                                stream(env, alerts, Alert.class),
                                stream(env, flags, VehicleFlag.class),
                                stream(env, events, AuditEvent.class)));
        env.execute("retention-store-test");
    }

    private static <T extends SpecificRecord> DataStream<T> stream(
            StreamExecutionEnvironment env, List<T> records, Class<T> type) {
        return records.isEmpty()
                ? null
                : env.fromData(records, SpecificRecordTypeInfo.forClass(type));
    }

    private record CheckResult(int exitCode, String output) {}

    private static CheckResult check() {
        StringWriter text = new StringWriter();
        CommandLine command = new CommandLine(new RetentionCheckCommand());
        command.setOut(new PrintWriter(text));
        int exitCode =
                command.execute(
                        "--cassandra", cassandra.endpoint(), "--keyspace", cassandra.keyspace());
        return new CheckResult(exitCode, text.toString());
    }

    /** Every row the replay test writes, as text without TTLs (which tick down). */
    private static List<String> snapshot(
            String run, PlateRead read, Alert alert, VehicleFlag flag, AuditEvent event) {
        List<String> rows = new ArrayList<>();
        rows.add(String.valueOf(vehicleRow(read, mainKey(read)).getFormattedContents()));
        siteRows(read).forEach(row -> rows.add(row.getFormattedContents()));
        session.execute(
                        "SELECT * FROM evidence_by_incident WHERE incident_id = ?",
                        "incident-" + run)
                .forEach(row -> rows.add(row.getFormattedContents()));
        session.execute("SELECT * FROM alerts_by_id WHERE alert_id = ?", alert.getAlertId())
                .forEach(row -> rows.add(row.getFormattedContents()));
        for (String organisation : alert.getAudience().getOrganisationIds()) {
            session.execute(
                            "SELECT * FROM alerts_by_audience WHERE audience_org = ? AND day_bucket"
                                    + " = ? AND alert_id = ? ALLOW FILTERING",
                            organisation,
                            LocalDate.ofInstant(alert.getEmittedAt(), ZoneOffset.UTC),
                            alert.getAlertId())
                    .forEach(row -> rows.add(row.getFormattedContents()));
        }
        rows.add(
                String.valueOf(
                        flagRow(KEYS.ofFlagPlate(flag.getPlate()), flag.getFlagId())
                                .getFormattedContents()));
        session.execute(
                        "SELECT * FROM audit_events WHERE actor_organisation_id = ?"
                                + " AND day_bucket = ?",
                        "org-" + run,
                        LocalDate.ofInstant(event.getOccurredAt(), ZoneOffset.UTC))
                .forEach(row -> rows.add(row.getFormattedContents()));
        return rows;
    }

    private static String mainKey(PlateRead read) {
        return KEYS.of(read).keySet().iterator().next();
    }

    private static LocalDate day(PlateRead read) {
        return LocalDate.ofInstant(read.getCapturedAt(), ZoneOffset.UTC);
    }

    private static Row vehicleRow(PlateRead read, String key) {
        return session.execute(
                        "SELECT * FROM reads_by_vehicle WHERE match_key = ? AND day_bucket = ?"
                                + " AND captured_at = ? AND camera_id = ? AND read_id = ?",
                        key,
                        day(read),
                        read.getCapturedAt(),
                        read.getCameraId(),
                        read.getReadId())
                .one();
    }

    private static long vehicleTtl(PlateRead read, String key) {
        return session.execute(
                        "SELECT TTL(site_id) FROM reads_by_vehicle WHERE match_key = ? AND"
                                + " day_bucket = ? AND captured_at = ? AND camera_id = ? AND"
                                + " read_id = ?",
                        key,
                        day(read),
                        read.getCapturedAt(),
                        read.getCameraId(),
                        read.getReadId())
                .one()
                .getInt(0);
    }

    private static List<Row> siteRows(PlateRead read) {
        return session.execute(
                        "SELECT * FROM reads_by_site WHERE site_id = ? AND hour_bucket = ?",
                        read.getSiteId(),
                        Buckets.hour(read.getCapturedAt()))
                .all();
    }

    private static long siteTtl(PlateRead read) {
        return session.execute(
                        "SELECT TTL(organisation_id) FROM reads_by_site WHERE site_id = ? AND"
                                + " hour_bucket = ?",
                        read.getSiteId(),
                        Buckets.hour(read.getCapturedAt()))
                .one()
                .getInt(0);
    }

    private static Row flagRow(String matchKey, String flagId) {
        return session.execute(
                        "SELECT * FROM flags_by_plate WHERE match_key = ? AND flag_id = ?",
                        matchKey,
                        flagId)
                .one();
    }

    private static CassandraConnectionConfig connection() {
        return CassandraConnectionConfig.of(cassandra.endpoint(), cassandra.keyspace());
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
