package io.platewatch.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of a retention check: per table, rows by age bucket, and the rows whose TTL would keep
 * them past their rule (or that have no TTL though a rule applies). Ids only, never plates.
 */
final class RetentionReport {

    /** Age buckets, by upper bound; the last one is open. */
    static final List<String> BUCKETS = List.of("<1d", "1-7d", "7-30d", "30-60d", ">60d");

    /** A row that outlives its rule. */
    record Violation(String table, String rowIds, String problem) {}

    private final Map<String, long[]> countsByTable = new LinkedHashMap<>();
    private final Map<String, Long> violationsByTable = new LinkedHashMap<>();
    private final List<Violation> examples = new ArrayList<>();
    private final int maxExamples;

    RetentionReport(int maxExamples) {
        this.maxExamples = maxExamples;
    }

    void table(String table) {
        countsByTable.putIfAbsent(table, new long[BUCKETS.size()]);
        violationsByTable.putIfAbsent(table, 0L);
    }

    void count(String table, Duration age) {
        countsByTable.get(table)[bucket(age)]++;
    }

    void violation(Violation violation) {
        violationsByTable.merge(violation.table(), 1L, Long::sum);
        if (examples.size() < maxExamples) {
            examples.add(violation);
        }
    }

    static int bucket(Duration age) {
        long days = age.toDays();
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            return 0;
        }
        if (days < 7) {
            return 1;
        }
        if (days < 30) {
            return 2;
        }
        if (age.compareTo(Duration.ofDays(60)) <= 0) {
            return 3;
        }
        return 4;
    }

    Map<String, long[]> countsByTable() {
        return countsByTable;
    }

    Map<String, Long> violationsByTable() {
        return violationsByTable;
    }

    long violations() {
        return violationsByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    List<Violation> examples() {
        return examples;
    }

    /** The report as text lines for the command's output. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder(String.format("%-22s", "table"));
        BUCKETS.forEach(b -> header.append(String.format("%10s", b)));
        header.append(String.format("%12s", "violations"));
        lines.add(header.toString());
        countsByTable.forEach(
                (table, counts) -> {
                    StringBuilder line = new StringBuilder(String.format("%-22s", table));
                    for (long count : counts) {
                        line.append(String.format("%10d", count));
                    }
                    line.append(String.format("%12d", violationsByTable.get(table)));
                    lines.add(line.toString());
                });
        for (Violation violation : examples) {
            lines.add(
                    "violation: "
                            + violation.table()
                            + " "
                            + violation.rowIds()
                            + ": "
                            + violation.problem());
        }
        return lines;
    }
}
