package io.platewatch.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.HotspotTrend;
import org.junit.jupiter.api.Test;

class TrendClassifierTest {

    private static final double HOT = 1.96;
    private static final double NA = Double.NaN;

    @Test
    void neverHotIsNone() {
        assertThat(classify(0.5, 1.0, NA, -2.0, 1.95, 1.9)).isEqualTo(HotspotTrend.NONE);
    }

    @Test
    void hotOnlyNowIsNew() {
        assertThat(classify(NA, NA, 0.3, 1.0, 1.5, 2.4)).isEqualTo(HotspotTrend.NEW);
    }

    @Test
    void hotInFiveOfSixWithRisingZIsIntensifying() {
        // Pairs among six defined values: 15; S = 15 (strictly rising) >= 7.5.
        assertThat(classify(1.0, 2.0, 2.5, 3.0, 3.5, 4.0)).isEqualTo(HotspotTrend.INTENSIFYING);
    }

    @Test
    void hotInAllWithFallingZIsDiminishing() {
        assertThat(classify(6.0, 5.0, 4.5, 4.0, 3.0, 2.0)).isEqualTo(HotspotTrend.DIMINISHING);
    }

    @Test
    void hotThroughoutWithoutADirectionIsPersistent() {
        // S: up, down, up, down around a level: |S| < 7.5.
        assertThat(classify(3.0, 2.5, 3.1, 2.4, 3.0, 2.6)).isEqualTo(HotspotTrend.PERSISTENT);
    }

    @Test
    void onAndOffIsSporadic() {
        assertThat(classify(2.5, 0.1, 2.2, NA, 0.4, 2.1)).isEqualTo(HotspotTrend.SPORADIC);
        // Hot before but not now is also sporadic, not diminishing.
        assertThat(classify(3.0, 3.0, 3.0, 3.0, 3.0, 1.0)).isEqualTo(HotspotTrend.SPORADIC);
    }

    @Test
    void missingWindowsCountAsNotHot() {
        // Four hot of six is below the 80% share (5 of 6): sporadic, although every defined z is
        // hot.
        assertThat(classify(NA, NA, 2.5, 2.6, 2.7, 2.8)).isEqualTo(HotspotTrend.SPORADIC);
    }

    private static HotspotTrend classify(double... z) {
        return TrendClassifier.classify(z, HOT);
    }
}
