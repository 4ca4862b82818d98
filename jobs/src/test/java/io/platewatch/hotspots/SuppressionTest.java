package io.platewatch.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.IncidentCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final int K = 5;
    private static final int THEFT = IncidentCategory.THEFT.ordinal();
    private static final int FUEL = IncidentCategory.FUEL_DRIVE_OFF.ordinal();
    private static final int ROBBERY = IncidentCategory.ROBBERY.ordinal();
    private static final int TOTAL = Suppression.TOTAL;

    @Test
    void countsFromOneToKMinusOneAreWithheldZeroAndKArePublished() {
        assertThat(Suppression.belowThreshold(0, K)).isFalse();
        assertThat(Suppression.belowThreshold(1, K)).isTrue();
        assertThat(Suppression.belowThreshold(4, K)).isTrue();
        assertThat(Suppression.belowThreshold(5, K)).isFalse();
    }

    @Test
    void onlySecondarySuppressionPreventsRecoveringAHiddenCount() {
        // THEFT 3 is below k; FUEL 6, ROBBERY 9 and the total 18 are not.
        long[] row = row(THEFT, 3, FUEL, 6, ROBBERY, 9);
        assertThat(row[TOTAL]).isEqualTo(18);

        // Primary suppression alone hides THEFT, and subtraction gives it back: 18 - 6 - 9 = 3.
        boolean[] primaryOnly = new boolean[row.length];
        primaryOnly[THEFT] = true;
        assertThat(row[TOTAL] - row[FUEL] - row[ROBBERY]).isEqualTo(row[THEFT]);
        assertThat(LinearDisclosure.recoverable(hourOnly(primaryOnly), false))
                .containsExactly(new int[] {0, THEFT});

        // The rule also hides the next smallest category, FUEL: now 18 - 9 = 9 = THEFT + FUEL, one
        // relation in two unknowns, and THEFT can be anything from 1 to 4.
        boolean[] hidden = Suppression.hourlyIncidentRow(row, K);
        assertThat(indices(hidden)).containsExactly(THEFT, FUEL);
        assertThat(LinearDisclosure.recoverable(hourOnly(hidden), false)).isEmpty();
    }

    @Test
    void aTotalBelowKHidesEveryNonZeroEntryOfTheRow() {
        long[] row = row(THEFT, 2, ROBBERY, 1);
        assertThat(indices(Suppression.hourlyIncidentRow(row, K)))
                .containsExactly(THEFT, ROBBERY, TOTAL);
    }

    @Test
    void rowsWithNothingBelowKPublishEverything() {
        assertThat(indices(Suppression.hourlyIncidentRow(row(THEFT, 5, FUEL, 7), K))).isEmpty();
    }

    @Test
    void theDayWithholdsWhatWouldRevealAHiddenHour() {
        // Hour 1: THEFT 2 and ROBBERY 1, total 3, all hidden. Hour 2: THEFT 10, published.
        long[] hour1 = row(THEFT, 2, ROBBERY, 1);
        long[] hour2 = row(THEFT, 10);
        List<boolean[]> hours =
                List.of(
                        Suppression.hourlyIncidentRow(hour1, K),
                        Suppression.hourlyIncidentRow(hour2, K));
        long[] day = row(THEFT, 12, ROBBERY, 1);

        boolean[] dayHidden = Suppression.dailyIncidentRow(day, hours, K);

        // With the day's THEFT (12) and total (13) published, hour 1 would come back by
        // subtraction: THEFT 12 - 10 = 2 and total 13 - 10 = 3. Primary suppression hides only
        // ROBBERY (1), so the day must also hide THEFT and the total although both are >= k.
        assertThat(day[THEFT] - hour2[THEFT]).isEqualTo(hour1[THEFT]);
        assertThat(indices(dayHidden)).containsExactly(THEFT, ROBBERY, TOTAL);
        assertThat(LinearDisclosure.recoverable(table(hours, dayHidden), true)).isEmpty();
        assertThat(SuppressionGraph.bridgeCount(hours, dayHidden)).isZero();
    }

    @Test
    void dayEntriesThatArePlainSumsOfPublishedHoursStayPublished() {
        // FUEL is published in every hour, so the day's FUEL is their sum and hiding it protects
        // nothing.
        long[] hour1 = row(THEFT, 3, FUEL, 6, ROBBERY, 9);
        long[] hour2 = row(THEFT, 1, FUEL, 5, ROBBERY, 7);
        List<boolean[]> hours =
                List.of(
                        Suppression.hourlyIncidentRow(hour1, K),
                        Suppression.hourlyIncidentRow(hour2, K));
        long[] day = row(THEFT, 4, FUEL, 11, ROBBERY, 16);

        boolean[] dayHidden = Suppression.dailyIncidentRow(day, hours, K);

        assertThat(dayHidden[ROBBERY]).isFalse();
        assertThat(dayHidden[TOTAL]).isFalse();
        assertThat(LinearDisclosure.recoverable(table(hours, dayHidden), true)).isEmpty();
    }

    @Test
    void aDayCountIsWithheldWhenExactlyOneHourWithheldIt() {
        // Reads per hour: 3 (hidden), 40, 50. Day = 93; 93 - 40 - 50 would give the hidden 3.
        assertThat(Suppression.dailyCount(93, 1, K)).isTrue();
        // Two hidden hours: the day only reveals their sum.
        assertThat(Suppression.dailyCount(95, 2, K)).isFalse();
        assertThat(Suppression.dailyCount(4, 2, K)).isTrue();
        assertThat(Suppression.dailyCount(90, 0, K)).isFalse();
    }

    @Test
    void randomDaysNeverPublishASmallOrRecoverableIncidentCount() {
        Random random = new Random(20261203L);
        for (int trial = 0; trial < 300; trial++) {
            List<long[]> hourRows = new ArrayList<>();
            List<boolean[]> hours = new ArrayList<>();
            long[] day = new long[TOTAL + 1];
            for (int h = 0; h < 1 + random.nextInt(24); h++) {
                long[] hour = new long[TOTAL + 1];
                for (int c = 0; c < TOTAL; c++) {
                    hour[c] = random.nextInt(4) == 0 ? random.nextInt(9) : 0;
                    hour[TOTAL] += hour[c];
                }
                for (int c = 0; c <= TOTAL; c++) {
                    day[c] += hour[c];
                }
                hourRows.add(hour);
                hours.add(Suppression.hourlyIncidentRow(hour, K));
            }
            boolean[] dayHidden = Suppression.dailyIncidentRow(day, hours, K);

            for (int h = 0; h < hours.size(); h++) {
                assertPublishedAreSafe(hourRows.get(h), hours.get(h));
            }
            assertPublishedAreSafe(day, dayHidden);
            assertThat(LinearDisclosure.recoverable(table(hours, dayHidden), true))
                    .as("trial %d", trial)
                    .isEmpty();
        }
    }

    private static void assertPublishedAreSafe(long[] row, boolean[] hidden) {
        for (int c = 0; c < row.length; c++) {
            if (!hidden[c]) {
                assertThat(Suppression.belowThreshold(row[c], K)).isFalse();
            }
        }
    }

    /** A row with the given (category, count) pairs and its total. */
    private static long[] row(int... categoryCounts) {
        long[] row = new long[TOTAL + 1];
        for (int i = 0; i < categoryCounts.length; i += 2) {
            row[categoryCounts[i]] = categoryCounts[i + 1];
            row[TOTAL] += categoryCounts[i + 1];
        }
        return row;
    }

    private static boolean[][] hourOnly(boolean[] hour) {
        return new boolean[][] {hour, new boolean[hour.length]};
    }

    private static boolean[][] table(List<boolean[]> hours, boolean[] day) {
        boolean[][] table = new boolean[hours.size() + 1][];
        for (int h = 0; h < hours.size(); h++) {
            table[h] = hours.get(h);
        }
        table[hours.size()] = day;
        return table;
    }

    private static List<Integer> indices(boolean[] hidden) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i]) {
                indices.add(i);
            }
        }
        return indices;
    }
}
