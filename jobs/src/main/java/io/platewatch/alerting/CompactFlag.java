package io.platewatch.alerting;

import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import java.util.Arrays;
import java.util.Objects;

/**
 * The part of a flag the alerting job keeps in state: what matching and an alert need. The
 * justification, reason and creator stay in the flag topic and the audit log.
 */
public class CompactFlag {

    /** Stand-in for "no fixed expiry", so expiry checks need no null test. */
    public static final long NO_EXPIRY = Long.MAX_VALUE;

    public String flagId;

    /** Normalised plate, or normalised pattern for a wildcard flag. */
    public String plate;

    /** Folded plate (or folded pattern): the key the flag is stored under. */
    public String matchKey;

    public boolean wildcard;

    /** Normalised region; null matches reads of any region. */
    public String region;

    public FlagCategory category;
    public String ownerOrganisationId;
    public String incidentId;
    public Priority priority;
    public long validFrom;
    public long expiresAt = NO_EXPIRY;
    public SharingLevel sharingLevel;
    public String[] sharingGroups = new String[0];
    public boolean covert;
    public long updatedAt;

    public CompactFlag() {}

    /** A read captured at this time may alert: the flag had not expired yet. */
    public boolean activeAt(long capturedAt) {
        return capturedAt < expiresAt;
    }

    /** A read captured at this time predates the flag, so its alert is historical. */
    public boolean predates(long capturedAt) {
        return capturedAt < validFrom;
    }

    /** Incident-linked flags turn every live alert into evidence as well. */
    public boolean incidentLinked() {
        return incidentId != null || category == FlagCategory.INCIDENT_LINKED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactFlag f
                && wildcard == f.wildcard
                && validFrom == f.validFrom
                && expiresAt == f.expiresAt
                && covert == f.covert
                && updatedAt == f.updatedAt
                && Objects.equals(flagId, f.flagId)
                && Objects.equals(plate, f.plate)
                && Objects.equals(matchKey, f.matchKey)
                && Objects.equals(region, f.region)
                && category == f.category
                && Objects.equals(ownerOrganisationId, f.ownerOrganisationId)
                && Objects.equals(incidentId, f.incidentId)
                && priority == f.priority
                && sharingLevel == f.sharingLevel
                && Arrays.equals(sharingGroups, f.sharingGroups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flagId, updatedAt);
    }

    @Override
    public String toString() {
        return "CompactFlag{" + flagId + "}";
    }
}
