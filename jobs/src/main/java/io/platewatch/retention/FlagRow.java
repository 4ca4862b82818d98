package io.platewatch.retention;

import java.util.ArrayList;
import java.util.List;

/**
 * One flag event ready for {@code flags_by_plate}: the flag's current match key, the key it was
 * filed under before when the plate changed, and whether the flag ended. A plain Flink POJO; {@link
 * #toString()} names ids only.
 */
public class FlagRow {

    public String flagId;
    public String matchKey;
    public String previousMatchKey;
    public boolean removed;
    public String plate;
    public String region;
    public String category;
    public String reason;
    public String ownerOrganisationId;
    public String incidentId;
    public String priority;
    public long validFromMillis;
    public Long expiresAtMillis;
    public String sharingLevel;
    public List<String> sharingGroups = new ArrayList<>();
    public boolean covert;
    public long updatedAtMillis;

    public FlagRow() {}

    @Override
    public String toString() {
        return "FlagRow{flag=" + flagId + ", removed=" + removed + "}";
    }
}
