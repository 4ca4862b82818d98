package io.platewatch.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.IncidentCategory;
import io.platewatch.schemas.SuppressibleCount;
import io.platewatch.schemas.WindowGranularity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The windowing on a real (mini) Flink cluster, with a watermark that follows every event so that
 * on time, late and too late are decided exactly: allowed lateness 2 h, k = 5.
 */
class HotspotPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Instant DAY0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final CellGrid GRID = new CellGrid(8);
    private static final long X = GRID.cellOf(-36.8485, 174.7633);
    private static final long Y = GRID.cellOf(-36.9000, 174.8000);
    private static final int THEFT = IncidentCategory.THEFT.ordinal();
    private static final int FUEL = IncidentCategory.FUEL_DRIVE_OFF.ordinal();

    @Test
    void hoursRollUpIntoDaysLateDataMakesNewVersionsAndTooLateDataIsCounted() throws Exception {
        List<HotspotEvent> events = new ArrayList<>();
        // Hour 0: six thefts in X (value 10.00 each) and one theft in Y, plus traffic.
        for (int i = 0; i < 6; i++) {
            events.add(HotspotEvent.incident(X, at(0, 0, 5 + i), THEFT, 1000L));
            events.add(HotspotEvent.read(X, at(0, 0, 5 + i)));
        }
        events.add(HotspotEvent.incident(Y, at(0, 0, 20), THEFT, null));
        // Hour 1: five fuel drive-offs in X.
        for (int i = 0; i < 5; i++) {
            events.add(HotspotEvent.incident(X, at(0, 1, 10 + i), FUEL, null));
        }
        // 01:30 closes hour 0 (on time), but it stays open for late data until 02:59:59.999.
        events.add(HotspotEvent.read(Y, at(0, 1, 30)));
        events.add(HotspotEvent.incident(X, at(0, 0, 30), THEFT, 1000L)); // late, within lateness
        // 03:30 is past hour 0's lateness: an event for hour 0 now is too late.
        events.add(HotspotEvent.read(Y, at(0, 3, 30)));
        events.add(HotspotEvent.incident(X, at(0, 0, 40), THEFT, 1000L)); // too late
        // 00:30 on day 1 closes day 0; a theft at 23:50 is still within hour 23's lateness.
        events.add(HotspotEvent.read(Y, at(1, 0, 30)));
        events.add(HotspotEvent.incident(X, at(0, 23, 50), THEFT, null)); // late for the day

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(noKryo());
        env.setParallelism(1);
        HotspotConfig config = HotspotConfig.defaults().withAllowedLateness(Duration.ofHours(2));
        HotspotPipeline.Outputs outputs =
                HotspotPipeline.build(
                        TestStreams.of(
                                env,
                                TypeInformation.of(HotspotEvent.class),
                                TestStreams.watermarkPerEvent(),
                                "events",
                                events),
                        config);
        CollectingSink<CellWindow> hourly = new CollectingSink<>("pipeline-hourly");
        CollectingSink<HotspotCell> cells = new CollectingSink<>("pipeline-cells");
        CollectingSink<LateEvent> late = new CollectingSink<>("pipeline-late");
        outputs.hourly().sinkTo(hourly);
        outputs.cells().sinkTo(cells);
        outputs.late().sinkTo(late);
        env.execute("hot-spot windowing test");

        // Hour 0 of X fired on time with 6 thefts, then once more for the late theft.
        List<CellWindow> xHour0 =
                hourly.records().stream()
                        .filter(w -> w.cell == X && w.windowStart == at(0, 0, 0))
                        .toList();
        assertThat(xHour0).extracting(w -> w.version).containsExactly(1, 2);
        assertThat(xHour0).extracting(w -> w.incidentRow[THEFT]).containsExactly(6L, 7L);

        // Published: the same document (cell, HOUR, 00:00) in two versions, the newer computed
        // later.
        List<HotspotCell> xHour0Cells =
                versions(cells.records(), X, WindowGranularity.HOUR, at(0, 0, 0));
        assertThat(xHour0Cells).hasSize(2);
        assertThat(xHour0Cells)
                .extracting(c -> c.getIncidents().getValue())
                .containsExactly(6L, 7L);
        assertThat(xHour0Cells.get(1).getComputedAt()).isAfter(xHour0Cells.get(0).getComputedAt());
        assertThat(xHour0Cells.get(1).getIncidentValueCents().getValue()).isEqualTo(7000L);
        assertThat(xHour0Cells.get(1).getTotalReads().getValue()).isEqualTo(6L);

        // The too-late theft went to the side output and changed nothing.
        assertThat(late.records()).hasSize(1);
        assertThat(late.records().get(0).cell).isEqualTo(X);
        assertThat(late.records().get(0).windowStart).isEqualTo(at(0, 0, 0));

        // Day 0 of X: 7 thefts + 5 fuel = 12 when the day closed. The late 23:50 theft made a
        // second version. Hour 23 now holds 1 theft (withheld with its total), so publishing the
        // day's 13 would reveal it (13 - 12 = 1): the day withholds its theft count and total and
        // keeps the fuel count, which is the plain sum of published hours.
        List<HotspotCell> xDay0 = versions(cells.records(), X, WindowGranularity.DAY, at(0, 0, 0));
        assertThat(xDay0).hasSize(2);
        assertThat(xDay0.get(0).getIncidents().getValue()).isEqualTo(12L);
        HotspotCell newest = xDay0.get(1);
        assertThat(newest.getIncidents()).isEqualTo(withheld());
        assertThat(newest.getIncidentsByCategory().get("THEFT")).isEqualTo(withheld());
        assertThat(newest.getIncidentsByCategory().get("FUEL_DRIVE_OFF").getValue()).isEqualTo(5L);
        assertThat(newest.getComputedAt()).isAfter(xDay0.get(0).getComputedAt());
        assertThat(newest.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(at(1, 0, 0)));

        // Y's single theft is withheld in its hour and its day, the total with it.
        HotspotCell yHour0 =
                versions(cells.records(), Y, WindowGranularity.HOUR, at(0, 0, 0)).get(0);
        assertThat(yHour0.getIncidents()).isEqualTo(withheld());
        assertThat(yHour0.getIncidentsByCategory().get("THEFT")).isEqualTo(withheld());
        HotspotCell yDay0 = versions(cells.records(), Y, WindowGranularity.DAY, at(0, 0, 0)).get(0);
        assertThat(yDay0.getIncidents()).isEqualTo(withheld());
    }

    private static SuppressibleCount withheld() {
        return SuppressibleCount.newBuilder().setValue(null).setSuppressed(true).build();
    }

    private static List<HotspotCell> versions(
            List<HotspotCell> cells, long cell, WindowGranularity granularity, long start) {
        String id = GRID.address(cell);
        return cells.stream()
                .filter(c -> c.getCellId().equals(id))
                .filter(c -> c.getGranularity() == granularity)
                .filter(c -> c.getWindowStart().toEpochMilli() == start)
                .toList();
    }

    private static long at(int day, int hour, int minute) {
        return DAY0.plus(Duration.ofDays(day).plusHours(hour).plusMinutes(minute)).toEpochMilli();
    }

    /** Every type of the job must have its own serializer: a Kryo fallback fails the test. */
    private static org.apache.flink.configuration.Configuration noKryo() {
        org.apache.flink.configuration.Configuration configuration =
                new org.apache.flink.configuration.Configuration();
        configuration.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
        return configuration;
    }
}
