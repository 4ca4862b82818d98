package io.platewatch.retention;

import io.platewatch.cassandra.CassandraMutation;
import io.platewatch.cassandra.CassandraRowMapper;
import java.time.Instant;
import java.util.List;

/**
 * The {@code evidence_by_incident} row of a link, due to expire at link time + evidence retention
 * (5 years by default), independent of the read's own 60 days.
 */
public final class EvidenceRows implements CassandraRowMapper<EvidenceRow> {

    private static final long serialVersionUID = 1L;

    static final String INSERT =
            "INSERT INTO evidence_by_incident (incident_id, captured_at, camera_id, read_id,"
                    + " flag_id, link_id, match_key, owner_organisation_id, linked_at, read_found,"
                    + " plate, region, site_id, organisation_id, confidence, lat, lon, direction,"
                    + " image_uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " USING TTL ?";

    private final long retentionMillis;

    public EvidenceRows(RetentionConfig config) {
        this.retentionMillis = config.evidenceRetention().toMillis();
    }

    @Override
    public List<CassandraMutation> mutations(EvidenceRow row) {
        if (row.incidentId == null) {
            return List.of();
        }
        return List.of(
                CassandraMutation.expiringAt(
                        row.linkedAtMillis + retentionMillis,
                        INSERT,
                        row.incidentId,
                        Instant.ofEpochMilli(row.capturedAtMillis),
                        row.cameraId,
                        row.readId,
                        row.flagId,
                        row.linkId,
                        row.matchKey,
                        row.ownerOrganisationId,
                        Instant.ofEpochMilli(row.linkedAtMillis),
                        row.readFound,
                        row.plate,
                        row.region,
                        row.siteId,
                        row.organisationId,
                        row.confidence,
                        row.lat,
                        row.lon,
                        row.direction,
                        row.imageUri));
    }
}
