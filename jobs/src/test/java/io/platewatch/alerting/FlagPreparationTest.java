package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.DAY;
import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.flag;
import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.VehicleFlag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlagPreparationTest {

    private OneInputStreamOperatorTestHarness<VehicleFlag, FlagChange> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new FlagPreparation(TestData.config(), Clock.systemUTC()));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void flagBecomesACompactFlagUnderItsMatchKey() throws Exception {
        VehicleFlag f = flag("f-1", "abc-123", T0).setExpiresAt(T0.plusMillis(DAY)).build();
        harness.processElement(new StreamRecord<>(f, 0));

        FlagChange change = harness.extractOutputValues().get(0);
        assertThat(change.kind).isEqualTo(FlagChange.Kind.UPSERT);
        assertThat(change.route).isEqualTo("A8C123");
        assertThat(change.flag.plate).isEqualTo("ABC123");
        assertThat(change.flag.wildcard).isFalse();
        assertThat(change.flag.expiresAt).isEqualTo(T0.toEpochMilli() + DAY);
        assertThat(change.flag.validFrom).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void flagWithoutExpiryNeverExpires() throws Exception {
        harness.processElement(new StreamRecord<>(flag("f-1", "ABC123", T0).build(), 0));
        assertThat(harness.extractOutputValues().get(0).flag.expiresAt)
                .isEqualTo(CompactFlag.NO_EXPIRY);
    }

    @Test
    void wildcardFlagIsRoutedToTheBroadcastSet() throws Exception {
        harness.processElement(new StreamRecord<>(flag("f-1", "AB?12*", T0).build(), 0));
        FlagChange change = harness.extractOutputValues().get(0);
        assertThat(change.isWildcard()).isTrue();
        assertThat(change.flag.matchKey).isEqualTo("A8?12*");
    }

    @Test
    void flagWithInvalidPlateGoesToDeadLetters() throws Exception {
        harness.processElement(new StreamRecord<>(flag("f-1", "AB_123", T0).build(), 0));

        assertThat(harness.extractOutputValues()).isEmpty();
        List<DeadLetter> letters = new ArrayList<>();
        TestData.sideOutput(harness, AlertingDeadLetters.TAG)
                .forEach(r -> letters.add(r.getValue()));
        assertThat(letters)
                .extracting(DeadLetter::getErrorKind)
                .containsExactly(ErrorKind.INVALID_PLATE);
        assertThat(letters.get(0).getReason()).doesNotContain("AB");
    }

    @Test
    void removeNeedsNoValidPlate() throws Exception {
        VehicleFlag remove = flag("f-1", "", T0).setAction(FlagAction.REMOVE).build();
        harness.processElement(new StreamRecord<>(remove, 0));

        FlagChange change = harness.extractOutputValues().get(0);
        assertThat(change.kind).isEqualTo(FlagChange.Kind.REMOVE);
        assertThat(change.flagId).isEqualTo("f-1");
        assertThat(change.route).isNull();
    }
}
