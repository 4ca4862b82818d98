package io.platewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platewatch.schemas.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertingConfigTest {

    @Test
    void defaultsMatchTheTopicCatalogueAndTheDocumentedRules() {
        AlertingConfig c = AlertingConfig.defaults();
        assertThat(c.readsTopic()).isEqualTo(Topic.PLATE_READS.topicName());
        assertThat(c.flagsTopic()).isEqualTo(Topic.VEHICLE_FLAGS.topicName());
        assertThat(c.incidentsTopic()).isEqualTo(Topic.INCIDENTS.topicName());
        assertThat(c.alertsTopic()).isEqualTo(Topic.ALERTS.topicName());
        assertThat(c.evidenceLinksTopic()).isEqualTo(Topic.EVIDENCE_LINKS.topicName());
        assertThat(c.deadLettersTopic()).isEqualTo(Topic.DEAD_LETTERS.topicName());
        assertThat(c.readRetention()).isEqualTo(Duration.ofDays(60));
        assertThat(c.stateTtlBackstop()).isEqualTo(Duration.ofDays(61));
        assertThat(c.alertCooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.incidentFlagLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(c.maxFoldDifferences()).isEqualTo(2);
        assertThat(c.maxPlateLength()).isEqualTo(10);
        assertThat(c.maxWildcardFlags()).isEqualTo(1000);
        assertThat(c.stateBackend()).isEqualTo("rocksdb");
    }

    @Test
    void fileThenSystemPropertiesThenOverridesWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerting.properties");
        Files.writeString(
                file, "alert.cooldown=10 min\nmatch.max-fold-differences=1\nparallelism=3\n");
        System.setProperty("platewatch.match.max-fold-differences", "0");
        try {
            AlertingConfig c = AlertingConfig.load(file, Map.of("parallelism", "1"));
            assertThat(c.alertCooldown()).isEqualTo(Duration.ofMinutes(10));
            assertThat(c.maxFoldDifferences()).isZero();
            assertThat(c.parallelism()).isEqualTo(1);
        } finally {
            System.clearProperty("platewatch.match.max-fold-differences");
        }
    }

    @Test
    void badValuesFailAtStartupNamingTheKey() {
        assertThatThrownBy(() -> AlertingConfig.load(null, Map.of("alert.cooldown", "soon")))
                .hasMessageContaining("alert.cooldown");
        assertThatThrownBy(() -> AlertingConfig.load(null, Map.of("plate.max-length", "x")))
                .hasMessageContaining("plate.max-length");
        assertThatThrownBy(
                        () -> AlertingConfig.load(null, Map.of("match.look-alike-classes", "0O,O")))
                .hasMessageContaining("look-alike");
        assertThatThrownBy(
                        () ->
                                AlertingConfig.load(
                                        null, Map.of("retention.state-ttl-backstop", "59 d")))
                .hasMessageContaining("backstop");
    }
}
