package io.platewatch.retention;

import io.platewatch.cassandra.CassandraMutation;
import io.platewatch.cassandra.CassandraRowMapper;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.VehicleDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A read's rows: one in {@code reads_by_vehicle} per match key (see {@link ReadMatchKeys}) and one
 * in {@code reads_by_site}, each due to expire at capture + read retention. The sink turns that
 * instant into the TTL when it writes (so a read 10 days old gets 50 days) and writes nothing for a
 * read already past it.
 */
public final class ReadRows implements CassandraRowMapper<PlateRead> {

    private static final long serialVersionUID = 1L;

    static final String INSERT_BY_VEHICLE =
            "INSERT INTO reads_by_vehicle (match_key, day_bucket, captured_at, camera_id, read_id,"
                + " candidate, plate, region, site_id, organisation_id, received_at, confidence,"
                + " lat, lon, direction, heading_degrees, vehicle_make, vehicle_model,"
                + " vehicle_colour, vehicle_type, image_uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?";

    static final String INSERT_BY_SITE =
            "INSERT INTO reads_by_site (site_id, hour_bucket, captured_at, camera_id, read_id,"
                    + " match_key, plate, region, organisation_id, confidence, lat, lon, direction,"
                    + " image_uri)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?";

    private final ReadMatchKeys matchKeys;
    private final long retentionMillis;

    public ReadRows(RetentionConfig config) {
        this.matchKeys = new ReadMatchKeys(config.normaliser(), config.folding());
        this.retentionMillis = config.readRetention().toMillis();
    }

    @Override
    public List<CassandraMutation> mutations(PlateRead read) {
        Instant capturedAt = read.getCapturedAt();
        long expiresAt = capturedAt.toEpochMilli() + retentionMillis;
        Map<String, Boolean> keys = matchKeys.of(read);
        List<CassandraMutation> mutations = new ArrayList<>(keys.size() + 1);
        keys.forEach((key, candidate) -> mutations.add(byVehicle(read, key, candidate, expiresAt)));
        String mainKey = keys.isEmpty() ? null : keys.keySet().iterator().next();
        mutations.add(bySite(read, mainKey, expiresAt));
        return mutations;
    }

    private static CassandraMutation byVehicle(
            PlateRead read, String matchKey, boolean candidate, long expiresAt) {
        VehicleDescription vehicle = read.getVehicle();
        return CassandraMutation.expiringAt(
                expiresAt,
                INSERT_BY_VEHICLE,
                matchKey,
                Buckets.day(read.getCapturedAt()),
                read.getCapturedAt(),
                read.getCameraId(),
                read.getReadId(),
                candidate,
                read.getPlate(),
                read.getRegion(),
                read.getSiteId(),
                read.getOrganisationId(),
                read.getReceivedAt(),
                read.getConfidence(),
                read.getPosition().getLat(),
                read.getPosition().getLon(),
                read.getDirection().name(),
                read.getHeadingDegrees(),
                vehicle == null ? null : vehicle.getMake(),
                vehicle == null ? null : vehicle.getModel(),
                vehicle == null ? null : vehicle.getColour(),
                vehicle == null ? null : vehicle.getType(),
                read.getImageUri());
    }

    private static CassandraMutation bySite(PlateRead read, String matchKey, long expiresAt) {
        return CassandraMutation.expiringAt(
                expiresAt,
                INSERT_BY_SITE,
                read.getSiteId(),
                Buckets.hour(read.getCapturedAt()),
                read.getCapturedAt(),
                read.getCameraId(),
                read.getReadId(),
                matchKey,
                read.getPlate(),
                read.getRegion(),
                read.getOrganisationId(),
                read.getConfidence(),
                read.getPosition().getLat(),
                read.getPosition().getLon(),
                read.getDirection().name(),
                read.getImageUri());
    }
}
