package io.platewatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.simulator.CameraNetworkSimulator;
import io.platewatch.simulator.WireFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The demo's pure parts: masking, durations, interval statistics, flags, period, readiness. */
class DemoPartsTest {

    @Test
    void maskedPlateShowsTwoCharactersAndHidesTheLength() {
        assertThat(AlertView.mask("ABC123")).isEqualTo("AB***");
        assertThat(AlertView.mask("AB12CDE")).isEqualTo("AB***");
        assertThat(AlertView.mask("X")).isEqualTo("X***");
        assertThat(AlertView.mask("")).isEqualTo("***");
    }

    @Test
    void durationsAreReadAsPeopleTypeThem() {
        assertThat(DurationConverter.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(DurationConverter.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("PT45S")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> DurationConverter.parse("soon"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("90s");
    }

    @Test
    void intervalPercentilesCoverLiveAlertsOfTheIntervalOnly() {
        IntervalStats stats = new IntervalStats(0);
        for (long latency = 1; latency <= 100; latency++) {
            stats.alert(OptionalLong.of(latency));
        }
        stats.alert(OptionalLong.empty()); // historical: counted, no latency
        stats.readsIn(400);
        stats.deadLetters(2);

        IntervalReport first = stats.report(2_000_000_000L);

        assertThat(first.alerts()).isEqualTo(101);
        assertThat(first.latencyP50Millis()).hasValue(50);
        assertThat(first.latencyP99Millis()).hasValue(99);
        assertThat(first.readsPerSecond()).isEqualTo(200.0);
        assertThat(first.deadLetters()).isEqualTo(2);

        stats.alert(OptionalLong.of(7));
        IntervalReport second = stats.report(3_000_000_000L);

        assertThat(second.alerts()).isEqualTo(1);
        assertThat(second.latencyP50Millis()).hasValue(7);
        assertThat(second.latencyP99Millis()).hasValue(7);
        assertThat(second.totalAlerts()).isEqualTo(102);
        assertThat(second.totalReadsIn()).isEqualTo(400);
        assertThat(stats.report(4_000_000_000L).latencyP50Millis()).isEmpty();
    }

    @Test
    void everyOffenderAndTheAskedRegularsAreFlaggedTheSameWayEachRun() {
        CameraNetworkSimulator network = TrafficFeed.simulator(settings(null), Duration.ofDays(1));
        Instant now = Instant.parse("2026-01-10T00:00:00Z");
        Instant validFrom = now.minus(Duration.ofDays(5));

        List<VehicleFlag> flags =
                DemoFlags.flags(7, network.population(), network.sites(), 14, validFrom, now);
        List<VehicleFlag> again =
                DemoFlags.flags(
                        7,
                        TrafficFeed.simulator(settings(null), Duration.ofDays(3)).population(),
                        network.sites(),
                        14,
                        validFrom,
                        now);

        assertThat(flags).hasSize(network.population().offenders().size() + 14);
        assertThat(again).isEqualTo(flags);
        Set<String> offenderPlates =
                network.population().offenders().stream()
                        .map(i -> network.population().get(i).plate())
                        .collect(Collectors.toSet());
        assertThat(flags.stream().map(VehicleFlag::getPlate).collect(Collectors.toSet()))
                .containsAll(offenderPlates)
                .hasSize(flags.size());
        assertThat(flags).extracting(VehicleFlag::getValidFrom).containsOnly(validFrom);
        assertThat(flags)
                .extracting(VehicleFlag::getCategory)
                .contains(
                        FlagCategory.STOLEN,
                        FlagCategory.POLICE_INTEREST,
                        FlagCategory.BANNED_FROM_SITE);
    }

    @Test
    void simulatedPeriodLastsTheRunAndStaysWithinTheGatewaysAgeLimit() {
        assertThat(TrafficFeed.period(settings(Duration.ofSeconds(90)), 26, 40))
                .isEqualTo(Duration.ofDays(2));
        assertThat(TrafficFeed.period(settings(Duration.ofHours(1)), 26, 40))
                .isEqualTo(Duration.ofDays(28));
        assertThat(TrafficFeed.period(settings(null), 26, 40)).isEqualTo(Duration.ofDays(28));
    }

    @Test
    void pipelineIsReadyOnlyWhenEveryTaskRuns() {
        assertThat(
                        PipelineProcess.allRunning(
                                "{\"jobs\":[{\"jid\":\"a\",\"state\":\"RUNNING\","
                                        + "\"tasks\":{\"total\":9,\"running\":9}}]}"))
                .isTrue();
        assertThat(
                        PipelineProcess.allRunning(
                                "{\"jobs\":[{\"jid\":\"a\",\"state\":\"RUNNING\","
                                        + "\"tasks\":{\"total\":9,\"running\":4}}]}"))
                .isFalse();
        assertThat(PipelineProcess.allRunning("{\"jobs\":[]}")).isFalse();
        assertThat(PipelineProcess.allRunning("not json")).isFalse();
    }

    @Test
    void settingsRefuseADemoWithoutKafkaOrTheRegistry() {
        assertThatThrownBy(
                        () ->
                                new DemoSettings(
                                        Path.of("state"),
                                        new Properties(),
                                        List.of(ServiceKind.KAFKA),
                                        8088,
                                        8082,
                                        null,
                                        200,
                                        7,
                                        14,
                                        5,
                                        WireFormat.PLATEWATCH,
                                        16,
                                        1,
                                        Duration.ofSeconds(5),
                                        false,
                                        "",
                                        Path.of("java")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka and registry");
    }

    private static DemoSettings settings(Duration duration) {
        return new DemoSettings(
                Path.of("state"),
                new Properties(),
                List.of(ServiceKind.values()),
                8088,
                8082,
                duration,
                200,
                7,
                14,
                5,
                WireFormat.PLATEWATCH,
                16,
                1,
                Duration.ofSeconds(5),
                false,
                "",
                Path.of("java"));
    }
}
