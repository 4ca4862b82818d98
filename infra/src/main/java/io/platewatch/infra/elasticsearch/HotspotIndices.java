package io.platewatch.infra.elasticsearch;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Monthly hot-spot indices and their retention. A cell goes to the index of its window's start
 * month in UTC, {@code platewatch-hotspots-YYYY.MM}, so retention deletes whole indices instead of
 * deleting documents by query (cheap, and nothing is left half-deleted). The sink in
 * platewatch-connectors names indices by the same rule.
 */
public final class HotspotIndices {

    public static final String PREFIX = "platewatch-hotspots-";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu.MM");

    private HotspotIndices() {}

    /** The index of a window that starts at {@code windowStart}. */
    public static String indexFor(Instant windowStart) {
        return PREFIX + YearMonth.from(windowStart.atOffset(ZoneOffset.UTC)).format(MONTH);
    }

    /** The month of a hot-spot index, or empty for any other name (never touched by retention). */
    public static Optional<YearMonth> monthOf(String index) {
        if (!index.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(index.substring(PREFIX.length()), MONTH));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The hot-spot indices to delete when keeping {@code keepMonths} months: the current month and
     * the {@code keepMonths - 1} before it stay, older months go. Names that are not monthly
     * hot-spot indices are never selected.
     */
    public static List<String> expired(
            Collection<String> indices, YearMonth current, int keepMonths) {
        if (keepMonths < 1) {
            throw new IllegalArgumentException("keepMonths must be at least 1, was " + keepMonths);
        }
        YearMonth oldestKept = current.minusMonths(keepMonths - 1L);
        return indices.stream()
                .filter(index -> monthOf(index).map(m -> m.isBefore(oldestKept)).orElse(false))
                .sorted()
                .toList();
    }
}
