package io.platewatch.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void portZeroIsResolvedOnceToTheSameFreePort() {
        StackConfig config = config("kafka.port", "0");

        int first = config.port("kafka.port", 9092);

        assertThat(first).isPositive().isNotEqualTo(9092);
        assertThat(config.port("kafka.port", 9092)).isEqualTo(first);
    }

    @Test
    void unsetPortFallsBackToTheWellKnownDefault() {
        assertThat(config("registry.port", "8081").port("kafka.port", 9092)).isEqualTo(9092);
    }

    @Test
    void servicesAreStartedInDependencyOrderWhateverTheListedOrder() {
        assertThat(config("services", " registry , KAFKA,registry").services())
                .containsExactly(ServiceKind.KAFKA, ServiceKind.REGISTRY);
    }

    @Test
    void unknownServiceNameIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> config("services", "kafka,zookeeper").services())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zookeeper")
                .hasMessageContaining("kafka, registry");
    }

    @Test
    void perServiceReadinessTimeoutWinsOverTheGeneralOne() {
        Properties properties = new Properties();
        properties.setProperty("readiness.timeout.seconds", "40");
        properties.setProperty("registry.readiness.timeout.seconds", "5");
        StackConfig config = new StackConfig(Path.of("target", "config-test"), properties);

        assertThat(config.readinessTimeout("registry")).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readinessTimeout("kafka")).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void overridesAreSelectedByPrefixWithThePrefixRemoved() {
        StackConfig config = config("kafka.override.log.retention.hours", "1");

        assertThat(config.withPrefix("kafka.override."))
                .containsExactly(java.util.Map.entry("log.retention.hours", "1"));
    }

    private static StackConfig config(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return new StackConfig(Path.of("target", "config-test"), properties);
    }
}
