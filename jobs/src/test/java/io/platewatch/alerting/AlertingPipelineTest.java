package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.DAY;
import static io.platewatch.alerting.TestData.MINUTE;
import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.candidates;
import static io.platewatch.alerting.TestData.flag;
import static io.platewatch.alerting.TestData.incident;
import static io.platewatch.alerting.TestData.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.MatchKind;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole alerting pipeline on a Flink MiniCluster, with injected in-memory sources and sinks.
 * Runs at parallelism 1 so that the order of each input is kept; which of the two inputs reaches
 * the matcher first still varies, and the expected alert ids do not depend on it: a flag arriving
 * after a read yields the same (read, flag) alert through the historical scan.
 */
class AlertingPipelineTest {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    private static final long NOW = T0.toEpochMilli();

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    @Test
    void pipelineRaisesExactlyTheExpectedAlertsEvidenceAndDeadLetters() throws Exception {
        AlertingConfig config = TestData.config();
        Configuration flink = AlertingMain.flinkConfiguration(config);
        flink.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);

        List<VehicleFlag> flags =
                List.of(
                        flag("f-exact", "ABC123", T0).build(),
                        flag("f-look", "B0B123", T0).build(),
                        flag("f-covert", "XYZ789", T0)
                                .setCovert(true)
                                .setSharing(
                                        new SharingScope(
                                                SharingLevel.SHARING_GROUPS, List.of("g-1")))
                                .build(),
                        flag("f-bad", "AB_1", T0).build());
        Incident incident = incident("inc-1", T0, new IncidentVehicle("KLM-456", "NZ")).build();
        List<PlateRead> reads =
                List.of(
                        read("r-exact", "ABC123", at(NOW + MINUTE)).build(),
                        read("r-cool", "ABC123", at(NOW + 2 * MINUTE)).build(),
                        read("r-othersite", "ABC123", at(NOW + 3 * MINUTE))
                                .setSiteId("site-2")
                                .build(),
                        read("r-look", "8OB123", at(NOW + 4 * MINUTE)).build(),
                        read("r-toofar", "8OB1Z3", at(NOW + 5 * MINUTE))
                                .setSiteId("site-6")
                                .build(),
                        read("r-cand", "ABC128", at(NOW + 6 * MINUTE))
                                .setSiteId("site-3")
                                .setCandidates(candidates("ABC12B", "ABC123"))
                                .build(),
                        read("r-region", "ABC123", at(NOW + 7 * MINUTE))
                                .setSiteId("site-4")
                                .setRegion("AU")
                                .build(),
                        read("r-covert", "XYZ789", at(NOW + 8 * MINUTE)).build(),
                        read("r-incident", "KLM456", at(NOW + 9 * MINUTE)).build(),
                        read("r-hist", "ABC123", at(NOW - DAY)).setSiteId("site-5").build(),
                        read("r-invalid", "AB/12", at(NOW + 10 * MINUTE)).build());

        CollectingSink<Alert> alerts = new CollectingSink<>();
        CollectingSink<EvidenceLink> evidence = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        new AlertingJob(config, Clock.systemUTC())
                .build(
                        new AlertingJob.Inputs(
                                env.fromData(
                                                reads,
                                                SpecificRecordTypeInfo.forClass(PlateRead.class))
                                        .assignTimestampsAndWatermarks(
                                                AlertingJob.readWatermarks(config)),
                                env.fromData(
                                                flags,
                                                SpecificRecordTypeInfo.forClass(VehicleFlag.class))
                                        .assignTimestampsAndWatermarks(
                                                AlertingJob.flagWatermarks(config)),
                                env.fromData(
                                                List.of(incident),
                                                SpecificRecordTypeInfo.forClass(Incident.class))
                                        .assignTimestampsAndWatermarks(
                                                AlertingJob.incidentWatermarks(config))),
                        new AlertingJob.Sinks(alerts, evidence, deadLetters));
        JobExecutionResult result = env.execute("alerting-pipeline-test");

        String incidentFlag = AlertIds.incidentFlagId("inc-1", "KLM456", "NZ");
        assertThat(alerts.received())
                .extracting(Alert::getAlertId)
                .containsExactlyInAnyOrder(
                        AlertIds.alertId("cam-1", "r-exact", "f-exact"),
                        AlertIds.alertId("cam-1", "r-othersite", "f-exact"),
                        AlertIds.alertId("cam-1", "r-look", "f-look"),
                        AlertIds.alertId("cam-1", "r-cand", "f-exact"),
                        AlertIds.alertId("cam-1", "r-covert", "f-covert"),
                        AlertIds.alertId("cam-1", "r-incident", incidentFlag),
                        AlertIds.alertId("cam-1", "r-hist", "f-exact"));

        Map<String, Alert> byRead =
                alerts.received().stream().collect(Collectors.toMap(Alert::getReadId, a -> a));
        assertThat(byRead.get("r-look").getMatchKind()).isEqualTo(MatchKind.LOOK_ALIKE);
        assertThat(byRead.get("r-look").getFoldedDifferences()).isEqualTo(2);
        assertThat(byRead.get("r-cand").getMatchKind()).isEqualTo(MatchKind.CANDIDATE);
        assertThat(byRead.get("r-hist").getHistorical()).isTrue();
        assertThat(byRead.get("r-exact").getHistorical()).isFalse();
        assertThat(byRead.get("r-covert").getAudience().getLevel())
                .isEqualTo(SharingLevel.OWNER_ONLY);
        assertThat(byRead.get("r-incident").getFlagCategory())
                .isEqualTo(FlagCategory.INCIDENT_LINKED);
        assertThat(byRead.get("r-incident").getIncidentId()).isEqualTo("inc-1");

        assertThat(evidence.received())
                .extracting(EvidenceLink::getLinkId)
                .containsExactlyInAnyOrder(
                        AlertIds.evidenceLinkId("cam-1", "r-incident", incidentFlag),
                        AlertIds.evidenceLinkId("cam-1", "r-hist", "f-exact"));

        assertThat(deadLetters.received())
                .extracting(DeadLetter::getErrorKind, DeadLetter::getSourceTopic)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                ErrorKind.INVALID_PLATE, config.readsTopic()),
                        org.assertj.core.groups.Tuple.tuple(
                                ErrorKind.INVALID_PLATE, config.flagsTopic()));

        assertThat(counter(result, AlertingMetrics.READS_IN)).isEqualTo(reads.size());
        assertThat(counter(result, AlertingMetrics.ALERTS_OUT)).isEqualTo(7);
        assertThat(counter(result, AlertingMetrics.ALERTS_FOLDED)).isEqualTo(1);
        assertThat(counter(result, AlertingMetrics.DEAD_LETTERS)).isEqualTo(2);
        assertThat(counter(result, AlertingMetrics.EVIDENCE_LINKS)).isEqualTo(2);
        assertNoPlateInAnyMetricName(reads);
    }

    private static long counter(JobExecutionResult result, String name) {
        long sum = 0;
        for (Metric metric : METRICS.findMetrics(result.getJobID(), name).values()) {
            sum += ((Counter) metric).getCount();
        }
        return sum;
    }

    /** Metric names and label values (variables) of every group must not hold a plate. */
    private static void assertNoPlateInAnyMetricName(List<PlateRead> reads) {
        Set<String> names = new HashSet<>();
        METRICS.getMetricsByGroup()
                .forEach(
                        (group, metrics) -> {
                            metrics.keySet().forEach(n -> names.add(group.getMetricIdentifier(n)));
                            names.addAll(group.getAllVariables().values());
                        });
        assertThat(names).anyMatch(n -> n.contains(AlertingMetrics.ALERTS_OUT));
        for (PlateRead read : reads) {
            assertThat(names).noneMatch(n -> n.contains(read.getPlate()));
        }
    }
}
