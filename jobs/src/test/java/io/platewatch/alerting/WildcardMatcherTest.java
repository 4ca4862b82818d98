package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.MINUTE;
import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.compactFlag;
import static io.platewatch.alerting.TestData.compactRead;
import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.MatchKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wildcard flags in broadcast state, on Flink's broadcast operator test harness. */
class WildcardMatcherTest {

    private static final long NOW = T0.toEpochMilli();

    private BroadcastOperatorTestHarness<PreparedRead, FlagChange, Match> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harnessFor(TestData.config(Map.of("wildcard.max-flags", "2")));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static BroadcastOperatorTestHarness<PreparedRead, FlagChange, Match> harnessFor(
            AlertingConfig config) throws Exception {
        return ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new WildcardMatcher(config, Clock.systemUTC()), WildcardMatcher.WILDCARD_FLAGS);
    }

    private void wildcard(String flagId, String pattern) throws Exception {
        CompactFlag f = compactFlag(flagId, pattern);
        harness.processBroadcastElement(new StreamRecord<>(FlagChange.upsert(f), NOW));
    }

    private void read(String readId, String plate, String... candidates) throws Exception {
        CompactRead r = compactRead(readId, plate, NOW + MINUTE);
        harness.processElement(
                new StreamRecord<>(new PreparedRead(r, plate, candidates), NOW + MINUTE));
    }

    private List<Match> drain() {
        List<Match> out = new ArrayList<>(harness.extractOutputValues());
        harness.getOutput().clear();
        return out;
    }

    @Test
    void patternMatchesEveryReadItDescribes() throws Exception {
        wildcard("w-1", "AB?12*");
        read("r-1", "ABX123");
        read("r-2", "ABY12");
        read("r-3", "ABX223");

        List<Match> matches = drain();
        assertThat(matches).extracting(m -> m.read.readId).containsExactly("r-1", "r-2");
        assertThat(matches).allMatch(m -> m.kind == MatchKind.WILDCARD);
    }

    @Test
    void patternMatchesLookAlikeMisreadsAndAlternativeReadings() throws Exception {
        wildcard("w-1", "AB?123");
        read("r-1", "A8X1Z3"); // 8 for B, Z for 2
        read("r-2", "XYZ999", "ABQ123");

        List<Match> matches = drain();
        assertThat(matches).extracting(m -> m.matchedPlate).containsExactly("A8X1Z3", "ABQ123");
    }

    @Test
    void removedWildcardFlagNoLongerMatches() throws Exception {
        wildcard("w-1", "AB?123");
        harness.processBroadcastElement(
                new StreamRecord<>(FlagChange.remove("w-1", FlagChange.WILDCARD_ROUTE, NOW), NOW));
        read("r-1", "ABX123");

        assertThat(drain()).isEmpty();
    }

    @Test
    void wildcardFlagsBeyondTheLimitAreRejectedToDeadLettersWithReason() throws Exception {
        wildcard("w-1", "AB?123");
        wildcard("w-2", "CD?456");
        wildcard("w-3", "EF?789");
        wildcard("w-1", "AB?12*"); // an update of a held flag is still accepted

        List<DeadLetter> rejected = new ArrayList<>();
        TestData.sideOutput(harness, AlertingDeadLetters.TAG)
                .forEach(r -> rejected.add(r.getValue()));
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).getReason()).contains("wildcard.max-flags").doesNotContain("EF");
        assertThat(rejected.get(0).getErrorKind()).isEqualTo(ErrorKind.OTHER);
        assertThat(rejected.get(0).getPayload()).isNotNull();

        read("r-3", "EFX789");
        read("r-1", "AB9129");
        assertThat(drain()).extracting(m -> m.flag.flagId).containsExactly("w-1");
    }

    @Test
    void expiredWildcardFlagDoesNotMatchReadsCapturedAfterExpiry() throws Exception {
        CompactFlag f = compactFlag("w-1", "AB?123");
        f.expiresAt = NOW;
        harness.processBroadcastElement(new StreamRecord<>(FlagChange.upsert(f), NOW));
        read("r-1", "ABX123");

        assertThat(drain()).isEmpty();
    }
}
