package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.compactRead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class MatchKeyFanOutTest {

    private final MatchKeyFanOut fanOut = new MatchKeyFanOut(TestData.config().folding());

    private List<KeyedRead> fanOut(String plate, String... candidates) {
        List<KeyedRead> out = new ArrayList<>();
        fanOut.flatMap(
                new PreparedRead(compactRead("r-1", plate, T0.toEpochMilli()), plate, candidates),
                new Collector<>() {
                    @Override
                    public void collect(KeyedRead record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    @Test
    void readWithoutCandidatesGoesToItsOwnKeyOnce() {
        List<KeyedRead> copies = fanOut("ABC123");
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).matchKey).isEqualTo("A8C123");
        assertThat(copies.get(0).primary).isTrue();
        assertThat(copies.get(0).mainPlate).isEqualTo("ABC123");
    }

    @Test
    void readGoesOnceToEachDistinctKeyNamingTheStringsThatLedThere() {
        // A8C123 shares the main key; XYZ999 and XY2999 share another; QQQ111 has a third.
        List<KeyedRead> copies = fanOut("ABC123", "A8C123", "XYZ999", "QQQ111", "XY2999");

        assertThat(copies)
                .extracting(c -> c.matchKey)
                .containsExactly("A8C123", "XY2999", "000111");
        assertThat(copies).extracting(c -> c.primary).containsExactly(true, false, false);
        assertThat(copies.get(0).mainPlate).isEqualTo("ABC123");
        assertThat(copies.get(0).candidatePlates).containsExactly("A8C123");
        assertThat(copies.get(1).mainPlate).isNull();
        assertThat(copies.get(1).candidatePlates).containsExactly("XYZ999", "XY2999");
        assertThat(copies.get(2).candidatePlates).containsExactly("QQQ111");
    }
}
