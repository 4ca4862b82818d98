package io.platewatch.retention;

import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What each table must keep and for how long, as the retention check reads it: the column whose age
 * a row has, a column whose TTL the row's writes set, the ids that name a row in a report, and the
 * instant by which the row must be gone (none for the append-only audit trail, or for a flag
 * without expiry).
 */
record RetentionRules(Duration readRetention, Duration evidenceRetention) {

    /** One table's rule. */
    record TableRule(
            String table,
            String timeColumn,
            String ttlColumn,
            List<String> idColumns,
            List<String> extraColumns,
            Function<Row, Optional<Instant>> deadline) {}

    List<TableRule> tables() {
        return List.of(
                new TableRule(
                        "reads_by_vehicle",
                        "captured_at",
                        "site_id",
                        List.of("camera_id", "read_id"),
                        List.of(),
                        row -> after(row, "captured_at", readRetention)),
                new TableRule(
                        "reads_by_site",
                        "captured_at",
                        "organisation_id",
                        List.of("camera_id", "read_id"),
                        List.of(),
                        row -> after(row, "captured_at", readRetention)),
                new TableRule(
                        "evidence_by_incident",
                        "linked_at",
                        "link_id",
                        List.of("incident_id", "camera_id", "read_id"),
                        List.of(),
                        row -> after(row, "linked_at", evidenceRetention)),
                new TableRule(
                        "alerts_by_id",
                        "captured_at",
                        "read_id",
                        List.of("alert_id"),
                        List.of(),
                        row -> after(row, "captured_at", readRetention)),
                new TableRule(
                        "alerts_by_audience",
                        "captured_at",
                        "read_id",
                        List.of("audience_org", "alert_id"),
                        List.of(),
                        row -> after(row, "captured_at", readRetention)),
                new TableRule(
                        "flags_by_plate",
                        "updated_at",
                        "updated_at",
                        List.of("flag_id"),
                        List.of("expires_at"),
                        row -> Optional.ofNullable(row.getInstant("expires_at"))),
                new TableRule(
                        "audit_events",
                        "occurred_at",
                        "actor",
                        List.of("event_id"),
                        List.of(),
                        row -> Optional.empty()));
    }

    private static Optional<Instant> after(Row row, String column, Duration retention) {
        Instant at = row.getInstant(column);
        return at == null ? Optional.empty() : Optional.of(at.plus(retention));
    }
}
