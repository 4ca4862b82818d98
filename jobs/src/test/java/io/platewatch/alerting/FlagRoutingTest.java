package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.DAY;
import static io.platewatch.alerting.TestData.MINUTE;
import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.compactFlag;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlagRoutingTest {

    private static final long NOW = T0.toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<String, FlagChange, FlagChange> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new FlagRouting(Duration.ofDays(1)), c -> c.flagId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(FlagChange change) throws Exception {
        harness.processElement(new StreamRecord<>(change, change.updatedAt));
    }

    private List<String> drain() {
        List<String> out = new ArrayList<>();
        for (FlagChange c : harness.extractOutputValues()) {
            out.add(c.kind + "@" + c.route);
        }
        harness.getOutput().clear();
        return out;
    }

    private static CompactFlag flag(String plate, long updatedAt) {
        CompactFlag f = compactFlag("f-1", plate);
        f.updatedAt = updatedAt;
        return f;
    }

    @Test
    void updateThatChangesThePlateRemovesTheFlagFromItsOldKey() throws Exception {
        send(FlagChange.upsert(flag("ABC123", NOW)));
        send(FlagChange.upsert(flag("XYZ789", NOW + MINUTE)));

        assertThat(drain()).containsExactly("UPSERT@A8C123", "REMOVE@A8C123", "UPSERT@XY2789");
    }

    @Test
    void removeReachesTheKeyTheFlagLivesUnder() throws Exception {
        send(FlagChange.upsert(flag("ABC123", NOW)));
        send(FlagChange.remove("f-1", null, NOW + MINUTE));

        assertThat(drain()).containsExactly("UPSERT@A8C123", "REMOVE@A8C123");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void removeOfAnUnknownFlagIsDropped() throws Exception {
        send(FlagChange.remove("f-1", null, NOW));
        assertThat(drain()).isEmpty();
    }

    @Test
    void eventOlderThanTheLastOneSeenIsIgnored() throws Exception {
        send(FlagChange.upsert(flag("ABC123", NOW + MINUTE)));
        send(FlagChange.upsert(flag("XYZ789", NOW)));

        assertThat(drain()).containsExactly("UPSERT@A8C123");
    }

    @Test
    void flagMovingToAWildcardPatternLeavesItsKey() throws Exception {
        send(FlagChange.upsert(flag("ABC123", NOW)));
        send(FlagChange.upsert(flag("ABC12?", NOW + MINUTE)));

        assertThat(drain()).containsExactly("UPSERT@A8C123", "REMOVE@A8C123", "UPSERT@*");
    }

    @Test
    void routeIsForgottenAfterExpiryAndGrace() throws Exception {
        CompactFlag f = flag("ABC123", NOW);
        f.expiresAt = NOW + DAY;
        send(FlagChange.upsert(f));
        harness.processWatermark(new Watermark(NOW + 2 * DAY - 1));
        assertThat(harness.numKeyedStateEntries()).isGreaterThan(0);

        harness.processWatermark(new Watermark(NOW + 2 * DAY));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
