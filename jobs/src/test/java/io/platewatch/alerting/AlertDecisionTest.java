package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.MINUTE;
import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.compactFlag;
import static io.platewatch.alerting.TestData.compactRead;
import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.MatchKind;
import io.platewatch.schemas.SharingLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cooldown, audience, times and evidence links, on Flink's operator test harness. */
class AlertDecisionTest {

    private static final long NOW = T0.toEpochMilli();
    private static final Instant EMITTED = T0.plus(Duration.ofHours(6));

    private KeyedOneInputStreamOperatorTestHarness<String, Match, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new AlertDecision(
                                        Duration.ofMinutes(5),
                                        Clock.fixed(EMITTED, ZoneOffset.UTC))),
                        Match::cooldownKey,
                        Types.STRING);
        harness.setup(TestData.avroSerializer(Alert.class));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void match(CompactFlag flag, String readId, String siteId, long capturedAt)
            throws Exception {
        match(flag, readId, siteId, capturedAt, false);
    }

    private void match(
            CompactFlag flag, String readId, String siteId, long capturedAt, boolean historical)
            throws Exception {
        CompactRead read = compactRead(readId, "ABC123", capturedAt);
        read.siteId = siteId;
        harness.processElement(
                new StreamRecord<>(
                        new Match(read, flag, MatchKind.EXACT, 0, historical, "A8C123", "ABC123"),
                        capturedAt));
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private List<EvidenceLink> evidence() {
        List<EvidenceLink> links = new ArrayList<>();
        TestData.sideOutput(harness, AlertDecision.EVIDENCE).forEach(r -> links.add(r.getValue()));
        return links;
    }

    @Test
    void repeatedReadsAtOneSiteWithinCooldownFoldIntoTheFirstAlert() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        match(f, "r-1", "site-1", NOW);
        match(f, "r-2", "site-1", NOW + 2 * MINUTE);
        match(f, "r-3", "site-1", NOW + 4 * MINUTE);
        match(f, "r-4", "site-1", NOW + 5 * MINUTE); // a full cooldown after the first alert

        assertThat(alerts()).extracting(Alert::getReadId).containsExactly("r-1", "r-4");
    }

    @Test
    void cooldownIsPerSite() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        match(f, "r-1", "site-1", NOW);
        match(f, "r-2", "site-2", NOW + MINUTE);

        assertThat(alerts()).extracting(Alert::getReadId).containsExactly("r-1", "r-2");
    }

    @Test
    void secondFlagAtTheSameSiteStillAlertsWithinCooldown() throws Exception {
        match(compactFlag("f-1", "ABC123"), "r-1", "site-1", NOW);
        match(compactFlag("f-2", "ABC123"), "r-1", "site-1", NOW);

        assertThat(alerts()).extracting(Alert::getFlagId).containsExactly("f-1", "f-2");
    }

    @Test
    void outOfOrderReadWithinCooldownFoldsToo() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        match(f, "r-2", "site-1", NOW + 3 * MINUTE);
        match(f, "r-1", "site-1", NOW + MINUTE);

        assertThat(alerts()).extracting(Alert::getReadId).containsExactly("r-2");
    }

    @Test
    void historicalMatchDoesNotSwallowALiveSighting() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        match(f, "r-old", "site-1", NOW - MINUTE, true);
        match(f, "r-live", "site-1", NOW + MINUTE, false);

        assertThat(alerts())
                .extracting(a -> a.getReadId() + "/" + a.getHistorical())
                .containsExactly("r-old/true", "r-live/false");
    }

    @Test
    void cooldownIsForgottenOnceEventTimeHasPassedIt() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        match(f, "r-1", "site-1", NOW);
        harness.processWatermark(new Watermark(NOW + 5 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void alertCarriesDeterministicIdTimesAndReadAge() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        long capturedAt = NOW - 3 * 60 * MINUTE; // a late read from a camera backlog
        match(f, "r-1", "site-1", capturedAt);

        Alert alert = alerts().get(0);
        assertThat(alert.getAlertId()).isEqualTo(AlertIds.alertId("cam-1", "r-1", "f-1"));
        assertThat(alert.getCapturedAt()).isEqualTo(Instant.ofEpochMilli(capturedAt));
        assertThat(alert.getIngestedAt()).isEqualTo(Instant.ofEpochMilli(capturedAt + 200));
        assertThat(alert.getEmittedAt()).isEqualTo(EMITTED);
        assertThat(alert.getReadAgeMillis()).isEqualTo(EMITTED.toEpochMilli() - capturedAt);
        assertThat(alert.getPlate()).isEqualTo("ABC123");
        assertThat(alert.getMatchKind()).isEqualTo(MatchKind.EXACT);
        assertThat(alert.getPriority()).isEqualTo(f.priority);
    }

    @Test
    void covertFlagAlertsItsOwnerOnly() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        f.covert = true;
        f.sharingLevel = SharingLevel.SHARING_GROUPS;
        f.sharingGroups = new String[] {"retail-north"};
        match(f, "r-1", "site-1", NOW);

        Alert alert = alerts().get(0);
        assertThat(alert.getAudience().getLevel()).isEqualTo(SharingLevel.OWNER_ONLY);
        assertThat(alert.getAudience().getOrganisationIds()).containsExactly("org-police");
        assertThat(alert.getAudience().getGroups()).isEmpty();
        assertThat(alert.getAudience().getOrganisationIds()).doesNotContain("org-site");
    }

    @Test
    void sharedFlagAudienceFollowsItsScopeWithTheOwnerAlwaysIncluded() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        f.sharingLevel = SharingLevel.SHARING_GROUPS;
        f.sharingGroups = new String[] {"retail-north", "fuel"};
        match(f, "r-1", "site-1", NOW);

        Alert alert = alerts().get(0);
        assertThat(alert.getAudience().getLevel()).isEqualTo(SharingLevel.SHARING_GROUPS);
        assertThat(alert.getAudience().getOrganisationIds()).containsExactly("org-police");
        assertThat(alert.getAudience().getGroups()).containsExactly("retail-north", "fuel");
    }

    @Test
    void historicalMatchesYieldEvidenceLinksEvenWhenFolded() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        match(f, "r-1", "site-1", NOW - 2 * MINUTE, true);
        match(f, "r-2", "site-1", NOW - MINUTE, true);

        assertThat(alerts()).extracting(Alert::getReadId).containsExactly("r-1");
        List<EvidenceLink> links = evidence();
        assertThat(links).extracting(EvidenceLink::getReadId).containsExactly("r-1", "r-2");
        assertThat(links.get(0).getLinkId())
                .isEqualTo(AlertIds.evidenceLinkId("cam-1", "r-1", "f-1"));
        assertThat(links.get(0).getMatchKey()).isEqualTo("A8C123");
        assertThat(links.get(0).getOwnerOrganisationId()).isEqualTo("org-police");
    }

    @Test
    void liveAlertsOfIncidentLinkedFlagsYieldEvidenceLinksOthersDoNot() throws Exception {
        CompactFlag stolen = compactFlag("f-stolen", "ABC123");
        CompactFlag incident = compactFlag("f-incident", "ABC123");
        incident.category = FlagCategory.INCIDENT_LINKED;
        incident.incidentId = "inc-1";
        match(stolen, "r-1", "site-1", NOW);
        match(incident, "r-1", "site-1", NOW);

        assertThat(alerts()).hasSize(2);
        List<EvidenceLink> links = evidence();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getFlagId()).isEqualTo("f-incident");
        assertThat(links.get(0).getIncidentId()).isEqualTo("inc-1");
    }
}
