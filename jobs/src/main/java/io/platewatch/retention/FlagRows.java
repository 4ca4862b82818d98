package io.platewatch.retention;

import io.platewatch.cassandra.CassandraMutation;
import io.platewatch.cassandra.CassandraRowMapper;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The writes of a flag event on {@code flags_by_plate}. Each carries the event's own time as its
 * write timestamp, so events applied out of order (retries, replays) still leave the latest state,
 * and a replayed event changes nothing. A flag with an expiry is written with a TTL ending there.
 */
public final class FlagRows implements CassandraRowMapper<FlagRow> {

    private static final long serialVersionUID = 1L;

    static final String UPSERT =
            "INSERT INTO flags_by_plate (match_key, flag_id, plate, region, category, reason,"
                    + " owner_organisation_id, incident_id, priority, valid_from, expires_at,"
                    + " sharing_level, sharing_groups, covert, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?";

    static final String UPSERT_EXPIRING = UPSERT + " AND TTL ?";

    static final String DELETE =
            "DELETE FROM flags_by_plate USING TIMESTAMP ? WHERE match_key = ? AND flag_id = ?";

    @Override
    public List<CassandraMutation> mutations(FlagRow row) {
        long writeTime = row.updatedAtMillis * 1000L;
        List<CassandraMutation> mutations = new ArrayList<>(2);
        if (row.previousMatchKey != null) {
            mutations.add(
                    CassandraMutation.of(DELETE, writeTime, row.previousMatchKey, row.flagId));
        }
        if (row.matchKey == null) {
            return mutations;
        }
        if (row.removed) {
            mutations.add(CassandraMutation.of(DELETE, writeTime, row.matchKey, row.flagId));
            return mutations;
        }
        List<Serializable> values =
                Arrays.<Serializable>asList(
                        row.matchKey,
                        row.flagId,
                        row.plate,
                        row.region,
                        row.category,
                        row.reason,
                        row.ownerOrganisationId,
                        row.incidentId,
                        row.priority,
                        Instant.ofEpochMilli(row.validFromMillis),
                        row.expiresAtMillis == null
                                ? null
                                : Instant.ofEpochMilli(row.expiresAtMillis),
                        row.sharingLevel,
                        new LinkedHashSet<>(row.sharingGroups),
                        row.covert,
                        Instant.ofEpochMilli(row.updatedAtMillis),
                        writeTime);
        mutations.add(
                row.expiresAtMillis == null
                        ? new CassandraMutation(UPSERT, values, CassandraMutation.NEVER)
                        : new CassandraMutation(UPSERT_EXPIRING, values, row.expiresAtMillis));
        return mutations;
    }
}
