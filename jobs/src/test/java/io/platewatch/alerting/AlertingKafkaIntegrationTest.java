package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.candidates;
import static io.platewatch.alerting.TestData.flag;
import static io.platewatch.alerting.TestData.incident;
import static io.platewatch.alerting.TestData.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.MatchKind;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.Topic;
import io.platewatch.schemas.VehicleFlag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alerting job exactly as {@code main} wires it (Kafka sources and sinks, the connectors'
 * Confluent-wire-format serde), on a Flink MiniCluster at parallelism 2, against the real local
 * Kafka broker and schema registry. Reads, flags and an incident are produced with the Kafka
 * serializer; the alerts topic must then hold exactly the expected alert ids.
 *
 * <p>Phases are separated by the job's committed consumer offsets: the Kafka source commits them
 * when a checkpoint completes, and a checkpoint completes only after every record before it has
 * passed every operator, so "the group has committed the end of the flag topic" means every flag is
 * in the job's state. That makes the order-dependent rules (live wildcard matches, cooldown,
 * removal) deterministic.
 *
 * <p>A short load phase (background reads plus reads of one flagged vehicle at distinct sites)
 * measures read-to-alert latency: emittedAt - ingestedAt and consumer receive time - ingestedAt.
 * The figures are printed and saved to target/alerting-latency.txt, never asserted.
 */
@ExtendWith(LocalStackExtension.class)
class AlertingKafkaIntegrationTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int BACKGROUND_READS = 3_000;
    private static final int LOAD_MATCHES = 100;
    private static final int LOAD_RATE_PER_SECOND = 1_000;

    @Test
    void jobOnRealKafkaRaisesExactlyTheExpectedAlerts() throws Exception {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String readsTopic = run + ".plate-reads";
        String flagsTopic = run + ".vehicle-flags";
        String incidentsTopic = run + ".incidents";
        String alertsTopic = run + ".alerts";
        String evidenceTopic = run + ".evidence-links";
        String deadLettersTopic = run + ".dead-letters";
        Path checkpoints = Path.of("target", "checkpoints", run).toAbsolutePath();

        AlertingConfig config =
                TestData.config(
                        Map.ofEntries(
                                Map.entry(
                                        "kafka.bootstrap-servers",
                                        LocalStackExtension.kafkaBootstrapServers()),
                                Map.entry("registry.url", LocalStackExtension.registryUrl()),
                                Map.entry("kafka.group-id", run),
                                Map.entry("kafka.transactional-id-prefix", run),
                                Map.entry("topic.reads", readsTopic),
                                Map.entry("topic.flags", flagsTopic),
                                Map.entry("topic.incidents", incidentsTopic),
                                Map.entry("topic.alerts", alertsTopic),
                                Map.entry("topic.evidence-links", evidenceTopic),
                                Map.entry("topic.dead-letters", deadLettersTopic),
                                Map.entry(
                                        "checkpoint.interval",
                                        System.getProperty("it.checkpoint", "1 s")),
                                Map.entry("checkpoint.dir", checkpoints.toUri().toString()),
                                Map.entry("watermark.idleness", "2 s"),
                                Map.entry("parallelism", "2")));

        try (KafkaTestClient kafka =
                new KafkaTestClient(
                        LocalStackExtension.kafkaBootstrapServers(),
                        LocalStackExtension.registryUrl())) {
            kafka.createTopic(readsTopic, Topic.PLATE_READS);
            kafka.createTopic(flagsTopic, Topic.VEHICLE_FLAGS);
            kafka.createTopic(incidentsTopic, Topic.INCIDENTS);
            kafka.createTopic(alertsTopic, Topic.ALERTS);
            kafka.createTopic(evidenceTopic, Topic.EVIDENCE_LINKS);
            kafka.createTopic(deadLettersTopic, Topic.DEAD_LETTERS);

            Instant now = Instant.now();
            Instant flagsValidFrom = now.minus(Duration.ofDays(3));

            // Phase 1: flags and an incident, then the job; wait until every flag is in state.
            for (VehicleFlag f :
                    List.of(
                            flag("f-exact", "ABC123", flagsValidFrom).build(),
                            flag("f-anyregion", "ABC123", flagsValidFrom).setRegion(null).build(),
                            flag("f-look", "B0B123", flagsValidFrom).build(),
                            flag("f-covert", "XYZ789", flagsValidFrom).setCovert(true).build(),
                            flag("f-wild", "QR?55*", flagsValidFrom).build(),
                            flag("f-remove", "DEF456", flagsValidFrom).build(),
                            flag("f-load", "PQR777", flagsValidFrom).build(),
                            flag("f-bad", "AB_1", flagsValidFrom).build())) {
                kafka.send(flagsTopic, f.getFlagId(), f);
            }
            kafka.send(
                    incidentsTopic,
                    "inc-1",
                    incident("inc-1", flagsValidFrom, new IncidentVehicle("KLM-456", "NZ"))
                            .build());

            StreamExecutionEnvironment env = AlertingMain.environment(config, null);
            AlertingMain.wire(env, config);
            JobClient job = env.executeAsync(AlertingMain.JOB_NAME);
            try {
                awaitConsumed(kafka, run, flagsTopic);
                awaitConsumed(kafka, run, incidentsTopic);

                // Phase 2: reads, one per rule.
                List<PlateRead> reads =
                        List.of(
                                liveRead("r-exact", "ABC123", now, "site-1").build(),
                                liveRead("r-look", "8OB123", now, "site-2").build(),
                                liveRead("r-toofar", "8OB1Z3", now, "site-2b").build(),
                                liveRead("r-cand", "ABC128", now, "site-3")
                                        .setCandidates(candidates("ABC12B", "ABC123"))
                                        .build(),
                                liveRead("r-region", "ABC123", now, "site-4")
                                        .setRegion("AU")
                                        .build(),
                                liveRead("r-covert", "XYZ789", now, "site-5").build(),
                                liveRead("r-incident", "KLM456", now, "site-6").build(),
                                liveRead("r-wild", "QRX559", now, "site-7").build(),
                                liveRead("r-remove-before", "DEF456", now, "site-8").build(),
                                liveRead("r-invalid", "AB/12", now, "site-9").build(),
                                read("r-late", "ABC123", now.minus(Duration.ofHours(2)))
                                        .setSiteId("site-10")
                                        .setReceivedAt(Instant.now())
                                        .build(),
                                read("r-hist", "ABC123", now.minus(Duration.ofDays(5)))
                                        .setSiteId("site-11")
                                        .setReceivedAt(Instant.now())
                                        .build());
                for (PlateRead r : reads) {
                    kafka.send(readsTopic, r.getCameraId(), r);
                }
                kafka.sendRaw(readsTopic, "not avro".getBytes(StandardCharsets.UTF_8));
                awaitConsumed(kafka, run, readsTopic);

                // Phase 3: order-dependent rules, now that phase 2 is in state.
                kafka.send(
                        readsTopic,
                        "cam-1",
                        liveRead("r-cool", "ABC123", now.plusSeconds(60), "site-1").build());
                VehicleFlag removal =
                        flag("f-remove", "DEF456", flagsValidFrom)
                                .setAction(FlagAction.REMOVE)
                                .setUpdatedAt(Instant.now())
                                .build();
                kafka.send(flagsTopic, removal.getFlagId(), removal);
                awaitConsumed(kafka, run, flagsTopic);
                kafka.send(
                        readsTopic,
                        "cam-1",
                        liveRead("r-remove-after", "DEF456", now.plusSeconds(120), "site-8")
                                .build());

                try (KafkaTestClient.Reader<Alert> alerts =
                                kafka.reader(alertsTopic, Alert.class, false);
                        KafkaTestClient.Reader<EvidenceLink> evidence =
                                kafka.reader(evidenceTopic, EvidenceLink.class, true);
                        KafkaTestClient.Reader<DeadLetter> deadLetters =
                                kafka.reader(deadLettersTopic, DeadLetter.class, false)) {
                    // Phase 4: load, for latency figures, with the alert reader already polling.
                    Load load = produceLoad(kafka, readsTopic);
                    awaitConsumed(kafka, run, readsTopic);

                    Set<String> expected = new LinkedHashSet<>();
                    String incidentFlag = AlertIds.incidentFlagId("inc-1", "KLM456", "NZ");
                    for (String[] pair :
                            new String[][] {
                                {"r-exact", "f-exact"},
                                {"r-exact", "f-anyregion"},
                                {"r-look", "f-look"},
                                {"r-cand", "f-exact"},
                                {"r-cand", "f-anyregion"},
                                {"r-region", "f-anyregion"},
                                {"r-covert", "f-covert"},
                                {"r-incident", incidentFlag},
                                {"r-wild", "f-wild"},
                                {"r-remove-before", "f-remove"},
                                {"r-late", "f-exact"},
                                {"r-late", "f-anyregion"},
                                {"r-hist", "f-exact"},
                                {"r-hist", "f-anyregion"},
                            }) {
                        expected.add(AlertIds.alertId("cam-1", pair[0], pair[1]));
                    }
                    load.readIds.forEach(
                            id -> expected.add(AlertIds.alertId("cam-1", id, "f-load")));

                    await().atMost(WAIT).until(() -> ids(alerts.records()).containsAll(expected));
                    // Anything unexpected would have been written before the offsets committed;
                    // one more poll round picks up stragglers.
                    Thread.sleep(2_000);
                    assertThat(ids(alerts.records())).isEqualTo(expected);

                    Map<String, Alert> byRead = new HashMap<>();
                    alerts.records()
                            .forEach(
                                    a ->
                                            byRead.putIfAbsent(
                                                    a.getReadId() + "/" + a.getFlagId(), a));
                    assertThat(byRead.get("r-look/f-look").getMatchKind())
                            .isEqualTo(MatchKind.LOOK_ALIKE);
                    assertThat(byRead.get("r-cand/f-exact").getMatchKind())
                            .isEqualTo(MatchKind.CANDIDATE);
                    assertThat(byRead.get("r-wild/f-wild").getMatchKind())
                            .isEqualTo(MatchKind.WILDCARD);
                    assertThat(byRead.get("r-covert/f-covert").getAudience().getLevel())
                            .isEqualTo(SharingLevel.OWNER_ONLY);
                    assertThat(byRead.get("r-hist/f-exact").getHistorical()).isTrue();
                    assertThat(byRead.get("r-late/f-exact").getHistorical()).isFalse();
                    assertThat(byRead.get("r-late/f-exact").getReadAgeMillis())
                            .isGreaterThanOrEqualTo(Duration.ofHours(2).toMillis());

                    Set<String> expectedLinks =
                            Set.of(
                                    AlertIds.evidenceLinkId("cam-1", "r-incident", incidentFlag),
                                    AlertIds.evidenceLinkId("cam-1", "r-hist", "f-exact"),
                                    AlertIds.evidenceLinkId("cam-1", "r-hist", "f-anyregion"));
                    await().atMost(WAIT)
                            .until(
                                    () ->
                                            evidence.records().stream()
                                                    .map(EvidenceLink::getLinkId)
                                                    .collect(Collectors.toSet())
                                                    .equals(expectedLinks));

                    // At least once: a dead letter may come twice after a restart, so compare
                    // the distinct rejected records.
                    await().atMost(WAIT).until(() -> distinct(deadLetters.records()).size() >= 3);
                    Thread.sleep(1_000);
                    assertThat(distinct(deadLetters.records()))
                            .extracting(DeadLetter::getErrorKind, DeadLetter::getSourceTopic)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple(
                                            ErrorKind.INVALID_PLATE, readsTopic),
                                    org.assertj.core.groups.Tuple.tuple(
                                            ErrorKind.INVALID_PLATE, flagsTopic),
                                    org.assertj.core.groups.Tuple.tuple(
                                            ErrorKind.NOT_WIRE_FORMAT, readsTopic));
                    assertThat(deadLetters.records())
                            .allMatch(d -> !d.getReason().contains("AB/12"));

                    report(load, alerts);
                }
            } finally {
                job.cancel().get();
            }
        }
    }

    /** A read received now: ingestedAt is the time it is handed to Kafka. */
    private static PlateRead.Builder liveRead(String id, String plate, Instant at, String site) {
        return read(id, plate, at).setSiteId(site).setReceivedAt(Instant.now());
    }

    private static void awaitConsumed(KafkaTestClient kafka, String group, String topic) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> kafka.consumedToEnd(group, topic));
    }

    /** Dead letters with duplicates (same kind, topic and payload) removed. */
    private static List<DeadLetter> distinct(List<DeadLetter> letters) {
        Map<String, DeadLetter> byContent = new java.util.LinkedHashMap<>();
        for (DeadLetter d : letters) {
            String payload =
                    d.getPayload() == null
                            ? ""
                            : java.util.HexFormat.of().formatHex(d.getPayload().array());
            byContent.putIfAbsent(d.getErrorKind() + "|" + d.getSourceTopic() + "|" + payload, d);
        }
        return new ArrayList<>(byContent.values());
    }

    private static Set<String> ids(List<Alert> alerts) {
        return alerts.stream()
                .map(Alert::getAlertId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** What the load phase sent. */
    private record Load(List<String> readIds, int total, long elapsedMillis) {}

    /**
     * Background reads of unflagged vehicles with reads of the load flag mixed in, each at its own
     * site so the cooldown folds none of them, paced to the target rate.
     */
    private static Load produceLoad(KafkaTestClient kafka, String topic) throws Exception {
        List<String> matching = new ArrayList<>();
        int total = BACKGROUND_READS + LOAD_MATCHES;
        int every = total / LOAD_MATCHES;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            boolean flagged = i % every == 0 && matching.size() < LOAD_MATCHES;
            String readId = "load-" + i;
            String plate = flagged ? "PQR777" : String.format(Locale.ROOT, "BG%04d", i);
            PlateRead r =
                    liveRead(readId, plate, Instant.now(), "load-site-" + i)
                            .setCameraId("cam-1")
                            .build();
            kafka.sendAsync(topic, "cam-" + (i % 12), r);
            if (flagged) {
                matching.add(readId);
            }
            long due = start + (long) (i + 1) * 1_000_000_000L / LOAD_RATE_PER_SECOND;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        kafka.flush();
        return new Load(matching, total, (System.nanoTime() - start) / 1_000_000);
    }

    private static void report(Load load, KafkaTestClient.Reader<Alert> alerts) throws Exception {
        Set<String> loadIds = new LinkedHashSet<>(load.readIds);
        List<Long> emitted = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<Alert> records = alerts.records();
        List<Long> arrivals = alerts.receivedAt();
        for (int i = 0; i < records.size(); i++) {
            Alert a = records.get(i);
            if (!loadIds.contains(a.getReadId()) || !seen.add(a.getAlertId())) {
                continue;
            }
            long ingested = a.getIngestedAt().toEpochMilli();
            emitted.add(a.getEmittedAt().toEpochMilli() - ingested);
            received.add(arrivals.get(i) - ingested);
        }
        String text =
                String.format(
                        Locale.ROOT,
                        String.join(
                                "%n",
                                "alerting job, Kafka + registry on loopback, MiniCluster,"
                                        + " parallelism 2",
                                "load: %d reads in %d ms (%.0f reads/s, target %d), %d alerts",
                                "read-to-alert (emittedAt - ingestedAt) ms: p50=%d p99=%d max=%d",
                                "read-to-consumer (receive time - ingestedAt) ms: p50=%d p99=%d"
                                        + " max=%d",
                                "(the test consumer polls with a 50 ms timeout)",
                                "machine: %d cores, load average %s",
                                ""),
                        load.total,
                        load.elapsedMillis,
                        load.total * 1000.0 / Math.max(1, load.elapsedMillis),
                        LOAD_RATE_PER_SECOND,
                        emitted.size(),
                        percentile(emitted, 50),
                        percentile(emitted, 99),
                        percentile(emitted, 100),
                        percentile(received, 50),
                        percentile(received, 99),
                        percentile(received, 100),
                        Runtime.getRuntime().availableProcessors(),
                        loadAverage());
        System.out.print(text);
        Path out = Path.of("target", "alerting-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    /** The 1, 5 and 15 minute load averages, so the figures can be read against the load. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
