package io.platewatch.retention;

import io.platewatch.cassandra.CassandraMutation;
import io.platewatch.cassandra.CassandraRowMapper;
import io.platewatch.schemas.Alert;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An alert's rows: one in {@code alerts_by_id} and one in {@code alerts_by_audience} per
 * organisation named in its audience. The alert id is deterministic, so a replayed alert upserts
 * the same rows. Alerts carry the plate, so they expire with their read: capture + read retention.
 *
 * <p>Sharing groups are stored on the alert but get no audience rows: a member of a group that is
 * not named among the audience organisations does not find the alert by audience. An alert emitted
 * again with a new emittedAt (the alerting job stamps it when it decides) adds a second audience
 * row under the new time; {@code alerts_by_id} keeps one row.
 */
public final class AlertRows implements CassandraRowMapper<Alert> {

    private static final long serialVersionUID = 1L;

    static final String INSERT_BY_ID =
            "INSERT INTO alerts_by_id (alert_id, read_id, camera_id, site_id, site_organisation_id,"
                + " plate, region, lat, lon, flag_id, flag_category, flag_owner_organisation_id,"
                + " incident_id, match_kind, folded_differences, historical, audience_level,"
                + " audience_organisations, audience_groups, priority, captured_at, ingested_at,"
                + " emitted_at, read_age_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?";

    static final String INSERT_BY_AUDIENCE =
            "INSERT INTO alerts_by_audience (audience_org, day_bucket, emitted_at, alert_id,"
                    + " read_id, camera_id, site_id, plate, flag_id, flag_category, incident_id,"
                    + " match_kind, historical, priority, captured_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?";

    private final long retentionMillis;

    public AlertRows(RetentionConfig config) {
        this.retentionMillis = config.readRetention().toMillis();
    }

    @Override
    public List<CassandraMutation> mutations(Alert alert) {
        long expiresAt = alert.getCapturedAt().toEpochMilli() + retentionMillis;
        LinkedHashSet<String> organisations =
                new LinkedHashSet<>(alert.getAudience().getOrganisationIds());
        List<CassandraMutation> mutations = new ArrayList<>(organisations.size() + 1);
        mutations.add(byId(alert, expiresAt));
        for (String organisation : organisations) {
            mutations.add(byAudience(alert, organisation, expiresAt));
        }
        return mutations;
    }

    private static CassandraMutation byId(Alert alert, long expiresAt) {
        return CassandraMutation.expiringAt(
                expiresAt,
                INSERT_BY_ID,
                alert.getAlertId(),
                alert.getReadId(),
                alert.getCameraId(),
                alert.getSiteId(),
                alert.getSiteOrganisationId(),
                alert.getPlate(),
                alert.getRegion(),
                alert.getPosition().getLat(),
                alert.getPosition().getLon(),
                alert.getFlagId(),
                alert.getFlagCategory().name(),
                alert.getFlagOwnerOrganisationId(),
                alert.getIncidentId(),
                alert.getMatchKind().name(),
                alert.getFoldedDifferences(),
                alert.getHistorical(),
                alert.getAudience().getLevel().name(),
                new LinkedHashSet<>(alert.getAudience().getOrganisationIds()),
                new LinkedHashSet<>(alert.getAudience().getGroups()),
                alert.getPriority().name(),
                alert.getCapturedAt(),
                alert.getIngestedAt(),
                alert.getEmittedAt(),
                alert.getReadAgeMillis());
    }

    private static CassandraMutation byAudience(Alert alert, String organisation, long expiresAt) {
        return CassandraMutation.expiringAt(
                expiresAt,
                INSERT_BY_AUDIENCE,
                organisation,
                Buckets.day(alert.getEmittedAt()),
                alert.getEmittedAt(),
                alert.getAlertId(),
                alert.getReadId(),
                alert.getCameraId(),
                alert.getSiteId(),
                alert.getPlate(),
                alert.getFlagId(),
                alert.getFlagCategory().name(),
                alert.getIncidentId(),
                alert.getMatchKind().name(),
                alert.getHistorical(),
                alert.getPriority().name(),
                alert.getCapturedAt());
    }
}
