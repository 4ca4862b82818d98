package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.DAY;
import static io.platewatch.alerting.TestData.MINUTE;
import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.compactFlag;
import static io.platewatch.alerting.TestData.compactRead;
import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.MatchKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keyed matching rules for plain flags, on Flink's operator test harness. */
class FlagMatcherTest {

    private static final long NOW = T0.toEpochMilli();

    private AlertingConfig config = TestData.config();
    private KeyedTwoInputStreamOperatorTestHarness<String, KeyedRead, FlagChange, Match> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harnessFor(config);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, KeyedRead, FlagChange, Match>
            harnessFor(AlertingConfig config) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new FlagMatcher(config),
                read -> read.matchKey,
                change -> change.route,
                Types.STRING);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Prepares and fans out a read exactly as the job does, and feeds every copy. */
    private void read(String readId, String plate, long capturedAt, String... candidates)
            throws Exception {
        read(readId, plate, "NZ", capturedAt, candidates);
    }

    private void read(
            String readId, String plate, String region, long capturedAt, String... candidates)
            throws Exception {
        CompactRead r = compactRead(readId, plate, capturedAt);
        r.region = region;
        PreparedRead prepared = new PreparedRead(r, plate, candidates);
        List<KeyedRead> copies = new ArrayList<>();
        new MatchKeyFanOut(config.folding()).flatMap(prepared, collector(copies));
        for (KeyedRead copy : copies) {
            harness.processElement1(new StreamRecord<>(copy, capturedAt));
        }
    }

    private void flag(CompactFlag flag) throws Exception {
        harness.processElement2(new StreamRecord<>(FlagChange.upsert(flag), flag.updatedAt));
    }

    private void remove(CompactFlag flag, long at) throws Exception {
        harness.processElement2(
                new StreamRecord<>(FlagChange.remove(flag.flagId, flag.matchKey, at), at));
    }

    private void watermark(long at) throws Exception {
        harness.processBothWatermarks(new Watermark(at));
    }

    private List<Match> drain() {
        List<Match> out = new ArrayList<>(harness.extractOutputValues());
        harness.getOutput().clear();
        return out;
    }

    private static <T> Collector<T> collector(List<T> into) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                into.add(record);
            }

            @Override
            public void close() {}
        };
    }

    // --- rules ---------------------------------------------------------------------------------

    @Test
    void exactPlateRaisesLiveExactMatchAtOnce() throws Exception {
        flag(compactFlag("f-1", "ABC123"));
        read("r-1", "ABC123", NOW + MINUTE);

        List<Match> matches = drain();
        assertThat(matches).hasSize(1);
        Match m = matches.get(0);
        assertThat(m.kind).isEqualTo(MatchKind.EXACT);
        assertThat(m.historical).isFalse();
        assertThat(m.foldedDifferences).isZero();
        assertThat(m.flag.flagId).isEqualTo("f-1");
        assertThat(m.read.readId).isEqualTo("r-1");
        assertThat(m.matchedPlate).isEqualTo("ABC123");
    }

    @Test
    void lookAlikeMisreadMatchesWithCountOfFoldedPositions() throws Exception {
        flag(compactFlag("f-1", "B0B123"));
        read("r-1", "8OB1Z3", NOW + MINUTE); // 8/B, O/0, Z/2: three folds

        assertThat(drain()).isEmpty(); // default maximum is 2

        read("r-2", "8OB123", NOW + 2 * MINUTE); // two folds
        List<Match> matches = drain();
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).kind).isEqualTo(MatchKind.LOOK_ALIKE);
        assertThat(matches.get(0).foldedDifferences).isEqualTo(2);
    }

    @Test
    void noMatchBeyondTheConfiguredLookAlikeMaximum() throws Exception {
        harness.close();
        config = TestData.config(Map.of("match.max-fold-differences", "1"));
        harness = harnessFor(config);

        flag(compactFlag("f-1", "B0B123"));
        read("r-1", "8OB123", NOW + MINUTE); // two folds, maximum one
        read("r-2", "80B123", NOW + 2 * MINUTE); // one fold

        List<Match> matches = drain();
        assertThat(matches).extracting(m -> m.read.readId).containsExactly("r-2");
    }

    @Test
    void alternativeOcrReadingWithAnotherMatchKeyRaisesCandidateMatch() throws Exception {
        // "ABC128" folds to a different key than "ABC123": only the candidate copy meets the flag.
        flag(compactFlag("f-1", "ABC123"));
        read("r-1", "ABC128", NOW + MINUTE, "ABC12B", "ABC123");

        List<Match> matches = drain();
        assertThat(matches).hasSize(1);
        Match m = matches.get(0);
        assertThat(m.kind).isEqualTo(MatchKind.CANDIDATE);
        assertThat(m.matchedPlate).isEqualTo("ABC123");
        assertThat(m.foldedDifferences).isZero();
        assertThat(m.matchKey).isEqualTo(config.folding().matchKey("ABC123"));
    }

    @Test
    void candidateSharingTheMainKeyIsUsedWhenTheMainPlateIsTooFarOff() throws Exception {
        flag(compactFlag("f-1", "B0B123"));
        // Main plate folds to the flag's key but with 3 differences; candidates have 2 and 1.
        read("r-1", "8OB1Z3", NOW + MINUTE, "80B1Z3", "B0B1Z3");

        List<Match> matches = drain();
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).kind).isEqualTo(MatchKind.CANDIDATE);
        assertThat(matches.get(0).matchedPlate).isEqualTo("B0B1Z3");
        assertThat(matches.get(0).foldedDifferences).isEqualTo(1);
    }

    @Test
    void samePlateInAnotherRegionIsAnotherVehicle() throws Exception {
        flag(compactFlag("f-1", "ABC123")); // region NZ
        read("r-1", "ABC123", "AU", NOW + MINUTE);

        assertThat(drain()).isEmpty();
    }

    @Test
    void readWithUnknownRegionMatchesFlagOfAnyRegionByDefault() throws Exception {
        flag(compactFlag("f-1", "ABC123"));
        read("r-1", "ABC123", null, NOW + MINUTE);

        assertThat(drain()).hasSize(1);
    }

    @Test
    void readWithUnknownRegionMatchesOnlyRegionlessFlagsWhenConfigured() throws Exception {
        harness.close();
        config = TestData.config(Map.of("match.unknown-region-matches-any", "false"));
        harness = harnessFor(config);
        CompactFlag anyRegion = compactFlag("f-any", "ABC123");
        anyRegion.region = null;
        flag(compactFlag("f-nz", "ABC123"));
        flag(anyRegion);
        read("r-1", "ABC123", null, NOW + MINUTE);

        assertThat(drain()).extracting(m -> m.flag.flagId).containsExactly("f-any");
    }

    @Test
    void flagWithoutRegionMatchesReadsOfEveryRegion() throws Exception {
        CompactFlag anyRegion = compactFlag("f-1", "ABC123");
        anyRegion.region = null;
        flag(anyRegion);
        read("r-1", "ABC123", "AU", NOW + MINUTE);
        read("r-2", "ABC123", "NZ", NOW + 2 * MINUTE);

        assertThat(drain()).extracting(m -> m.read.readId).containsExactly("r-1", "r-2");
    }

    @Test
    void flagAddedAfterReadsRaisesHistoricalMatchesOldestFirst() throws Exception {
        read("r-2", "ABC123", NOW - 2 * DAY);
        read("r-1", "ABC123", NOW - 10 * DAY);
        read("r-x", "XYZ789", NOW - 3 * DAY);
        assertThat(drain()).isEmpty();

        flag(compactFlag("f-1", "ABC123")); // validFrom NOW

        List<Match> matches = drain();
        assertThat(matches).extracting(m -> m.read.readId).containsExactly("r-1", "r-2");
        assertThat(matches).allMatch(m -> m.historical);
    }

    @Test
    void heldReadCapturedAfterValidFromMatchesLiveWhenTheFlagArrivesLate() throws Exception {
        read("r-1", "ABC123", NOW + MINUTE);
        flag(compactFlag("f-1", "ABC123")); // validFrom NOW, reaches the job after the read

        List<Match> matches = drain();
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).historical).isFalse();
    }

    @Test
    void readCapturedBeforeValidFromGivesOnlyAHistoricalMatch() throws Exception {
        flag(compactFlag("f-1", "ABC123")); // validFrom NOW
        read("r-1", "ABC123", NOW - MINUTE);

        List<Match> matches = drain();
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).historical).isTrue();
    }

    @Test
    void updateOfAHeldFlagDoesNotRescanHeldReads() throws Exception {
        read("r-1", "ABC123", NOW - DAY);
        CompactFlag f = compactFlag("f-1", "ABC123");
        flag(f);
        assertThat(drain()).hasSize(1);

        CompactFlag updated = compactFlag("f-1", "ABC123");
        updated.updatedAt = NOW + MINUTE;
        flag(updated);

        assertThat(drain()).isEmpty();
    }

    @Test
    void readExpiresSixtyDaysAfterCaptureNotAfterArrival() throws Exception {
        long arrival = NOW;
        watermark(arrival);
        read("r-1", "ABC123", arrival - 59 * DAY); // captured 59 days before arrival
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        watermark(arrival + DAY - 1); // one millisecond short of 60 days after capture
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        watermark(arrival + DAY); // 60 days after capture
        assertThat(harness.numKeyedStateEntries()).isZero();

        CompactFlag late = compactFlag("f-1", "ABC123");
        late.validFrom = arrival + DAY;
        late.updatedAt = arrival + DAY;
        flag(late);
        assertThat(drain()).isEmpty();
    }

    @Test
    void heldReadStillInWindowRaisesHistoricalMatchOneMillisecondBeforeExpiry() throws Exception {
        watermark(NOW);
        read("r-1", "ABC123", NOW - 59 * DAY);
        watermark(NOW + DAY - 1);

        CompactFlag f = compactFlag("f-1", "ABC123");
        f.validFrom = NOW + DAY - 1;
        f.updatedAt = NOW + DAY - 1;
        flag(f);

        assertThat(drain()).extracting(m -> m.historical).containsExactly(true);
    }

    @Test
    void readOlderThanTheWindowOnArrivalIsMatchedButNotKept() throws Exception {
        watermark(NOW);
        CompactFlag f = compactFlag("f-1", "ABC123");
        f.validFrom = NOW - 90 * DAY;
        flag(f);
        read("r-1", "ABC123", NOW - 61 * DAY); // camera backlog, older than retention

        assertThat(drain()).extracting(m -> m.read.readId).containsExactly("r-1");
        // Only the flag is held under the key; the read was not stored.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void lateReadBehindTheWatermarkStillMatches() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        f.validFrom = NOW - DAY;
        flag(f);
        watermark(NOW);
        read("r-1", "ABC123", NOW - 3 * 60 * MINUTE); // three hours behind event time

        List<Match> matches = drain();
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).historical).isFalse();
    }

    @Test
    void expiredFlagNeverAlertsForReadsCapturedAfterExpiry() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        f.expiresAt = NOW + 10 * MINUTE;
        flag(f);

        read("r-before", "ABC123", NOW + 9 * MINUTE);
        read("r-after", "ABC123", NOW + 11 * MINUTE); // flag still in state (grace), but expired

        assertThat(drain()).extracting(m -> m.read.readId).containsExactly("r-before");
    }

    @Test
    void expiredFlagLeavesStateByTimerAfterTheGracePeriod() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        f.expiresAt = NOW + 10 * MINUTE;
        flag(f);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        watermark(NOW + 10 * MINUTE + DAY - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        // A late read captured before expiry still matches during the grace period.
        read("r-late", "ABC123", NOW + 5 * MINUTE);
        assertThat(drain()).hasSize(1);

        watermark(NOW + 10 * MINUTE + DAY);
        // The flag is gone; only the late read is held now.
        read("r-later", "ABC123", NOW + 6 * MINUTE);
        assertThat(drain()).isEmpty();
    }

    @Test
    void flagArrivingAlreadyExpiredIsNotStoredAndMatchesNothing() throws Exception {
        read("r-1", "ABC123", NOW - 2 * DAY);
        watermark(NOW);
        CompactFlag f = compactFlag("f-1", "ABC123");
        f.validFrom = NOW - 30 * DAY;
        f.expiresAt = NOW - 5 * DAY;
        flag(f);

        assertThat(drain()).isEmpty();
        read("r-2", "ABC123", NOW - 6 * DAY);
        assertThat(drain()).isEmpty();
    }

    @Test
    void removedFlagStopsAlertingAtOnce() throws Exception {
        CompactFlag f = compactFlag("f-1", "ABC123");
        flag(f);
        read("r-1", "ABC123", NOW + MINUTE);
        remove(f, NOW + 2 * MINUTE);
        read("r-2", "ABC123", NOW + 3 * MINUTE);

        assertThat(drain()).extracting(m -> m.read.readId).containsExactly("r-1");
    }

    @Test
    void flagsAndReadsSurviveACheckpointRestore() throws Exception {
        flag(compactFlag("f-1", "ABC123"));
        read("r-1", "ABC123", NOW + MINUTE);
        drain();
        OperatorSubtaskState snapshot = harness.snapshot(1L, NOW);
        harness.close();

        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new FlagMatcher(config)),
                        (KeyedRead read) -> read.matchKey,
                        (FlagChange change) -> change.route,
                        Types.STRING);
        harness.initializeState(snapshot);
        harness.open();

        read("r-2", "ABC123", NOW + 2 * MINUTE);
        CompactFlag second = compactFlag("f-2", "ABC123");
        second.validFrom = NOW + 10 * MINUTE;
        flag(second);

        assertThat(drain())
                .extracting(m -> m.flag.flagId + "/" + m.read.readId)
                .containsExactly("f-1/r-2", "f-2/r-1", "f-2/r-2");
    }
}
