package io.platewatch.retention;

import io.platewatch.cassandra.CassandraMutation;
import io.platewatch.cassandra.CassandraRowMapper;
import io.platewatch.schemas.AuditEvent;
import java.util.List;

/**
 * The {@code audit_events} row of an audit event: inserted under its unique event id and never
 * updated or expired, so the table only grows; a replayed event writes the same row again.
 */
public final class AuditRows implements CassandraRowMapper<AuditEvent> {

    private static final long serialVersionUID = 1L;

    static final String INSERT =
            "INSERT INTO audit_events (actor_organisation_id, day_bucket, occurred_at, event_id,"
                    + " actor, action, subject_type, subject_id, purpose)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public List<CassandraMutation> mutations(AuditEvent event) {
        return List.of(
                CassandraMutation.of(
                        INSERT,
                        event.getActorOrganisationId(),
                        Buckets.day(event.getOccurredAt()),
                        event.getOccurredAt(),
                        event.getEventId(),
                        event.getActor(),
                        event.getAction().name(),
                        event.getSubjectType(),
                        event.getSubjectId(),
                        event.getPurpose()));
    }
}
