package io.platewatch.retention;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scans every retention table once and fills a {@link RetentionReport}: the age of each row, and
 * whether its TTL ends after its rule's deadline by more than the tolerance (TTLs are whole
 * seconds, rounded down when written, so a correct row never exceeds its deadline).
 */
final class RetentionScan {

    private final CqlSession session;
    private final RetentionRules rules;
    private final Duration tolerance;

    RetentionScan(CqlSession session, RetentionRules rules, Duration tolerance) {
        this.session = session;
        this.rules = rules;
        this.tolerance = tolerance;
    }

    RetentionReport run(Instant now, int maxExamples) {
        RetentionReport report = new RetentionReport(maxExamples);
        for (RetentionRules.TableRule rule : rules.tables()) {
            report.table(rule.table());
            for (Row row : session.execute(select(rule).setPageSize(2_000))) {
                check(rule, row, now, report);
            }
        }
        return report;
    }

    private static SimpleStatement select(RetentionRules.TableRule rule) {
        List<String> columns = new ArrayList<>();
        columns.add(rule.timeColumn());
        columns.add("TTL(" + rule.ttlColumn() + ") AS row_ttl");
        rule.idColumns().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        rule.extraColumns().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        return SimpleStatement.newInstance(
                "SELECT " + String.join(", ", columns) + " FROM " + rule.table());
    }

    private void check(
            RetentionRules.TableRule rule, Row row, Instant now, RetentionReport report) {
        Instant at = row.getInstant(rule.timeColumn());
        if (at != null) {
            report.count(rule.table(), Duration.between(at, now));
        }
        Optional<Instant> deadline = rule.deadline().apply(row);
        if (deadline.isEmpty()) {
            return;
        }
        Integer ttl = row.isNull("row_ttl") ? null : row.getInt("row_ttl");
        if (ttl == null) {
            report.violation(
                    new RetentionReport.Violation(
                            rule.table(), ids(rule, row), "no TTL, but it must go by a deadline"));
            return;
        }
        Instant expiry = now.plusSeconds(ttl);
        Duration over = Duration.between(deadline.get(), expiry);
        if (over.compareTo(tolerance) > 0) {
            report.violation(
                    new RetentionReport.Violation(
                            rule.table(),
                            ids(rule, row),
                            "TTL outlives its rule by " + over.toSeconds() + " s"));
        }
    }

    private static String ids(RetentionRules.TableRule rule, Row row) {
        StringBuilder ids = new StringBuilder();
        for (String column : rule.idColumns()) {
            if (ids.length() > 0) {
                ids.append(' ');
            }
            ids.append(column).append('=').append(row.getString(column));
        }
        return ids.toString();
    }
}
