package io.platewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertIdsTest {

    @Test
    void alertIdIsAStableNameBasedUuidOfCameraReadAndFlag() {
        String id = AlertIds.alertId("cam-1", "r-1", "f-1");
        assertThat(AlertIds.alertId("cam-1", "r-1", "f-1")).isEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
    }

    @Test
    void everyPartChangesTheId() {
        String id = AlertIds.alertId("cam-1", "r-1", "f-1");
        assertThat(AlertIds.alertId("cam-2", "r-1", "f-1")).isNotEqualTo(id);
        assertThat(AlertIds.alertId("cam-1", "r-2", "f-1")).isNotEqualTo(id);
        assertThat(AlertIds.alertId("cam-1", "r-1", "f-2")).isNotEqualTo(id);
    }

    @Test
    void separatorsInsideIdsCannotMakeTwoAlertsCollide() {
        assertThat(AlertIds.alertId("a|b", "c", "f"))
                .isNotEqualTo(AlertIds.alertId("a", "b|c", "f"));
    }

    @Test
    void alertAndEvidenceIdsOfOnePairDiffer() {
        assertThat(AlertIds.evidenceLinkId("cam-1", "r-1", "f-1"))
                .isNotEqualTo(AlertIds.alertId("cam-1", "r-1", "f-1"));
    }

    @Test
    void incidentFlagIdDependsOnIncidentPlateAndRegion() {
        String id = AlertIds.incidentFlagId("inc-1", "ABC123", "NZ");
        assertThat(AlertIds.incidentFlagId("inc-1", "ABC123", "NZ")).isEqualTo(id);
        assertThat(AlertIds.incidentFlagId("inc-1", "ABC123", "AU")).isNotEqualTo(id);
        assertThat(AlertIds.incidentFlagId("inc-1", "ABC123", null)).isNotEqualTo(id);
        assertThat(AlertIds.incidentFlagId("inc-2", "ABC123", "NZ")).isNotEqualTo(id);
    }
}
