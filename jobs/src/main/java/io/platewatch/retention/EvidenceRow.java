package io.platewatch.retention;

import io.platewatch.schemas.EvidenceLink;

/**
 * An evidence link joined with a copy of its read, ready for {@code evidence_by_incident}. When the
 * read could not be found, {@link #readFound} is false and the read's fields are null. A plain
 * Flink POJO: public fields, no-argument constructor. {@link #toString()} names ids only.
 */
public class EvidenceRow {

    public String incidentId;
    public long capturedAtMillis;
    public String cameraId;
    public String readId;
    public String flagId;
    public String linkId;
    public String matchKey;
    public String ownerOrganisationId;
    public long linkedAtMillis;
    public boolean readFound;
    public String plate;
    public String region;
    public String siteId;
    public String organisationId;
    public Float confidence;
    public Double lat;
    public Double lon;
    public String direction;
    public String imageUri;

    public EvidenceRow() {}

    /** The link's own fields; the read's are filled in by the lookup when it finds the read. */
    public static EvidenceRow fromLink(EvidenceLink link) {
        EvidenceRow row = new EvidenceRow();
        row.incidentId = link.getIncidentId();
        row.capturedAtMillis = link.getCapturedAt().toEpochMilli();
        row.cameraId = link.getCameraId();
        row.readId = link.getReadId();
        row.flagId = link.getFlagId();
        row.linkId = link.getLinkId();
        row.matchKey = link.getMatchKey();
        row.ownerOrganisationId = link.getOwnerOrganisationId();
        row.linkedAtMillis = link.getLinkedAt().toEpochMilli();
        return row;
    }

    @Override
    public String toString() {
        return "EvidenceRow{incident="
                + incidentId
                + ", camera="
                + cameraId
                + ", read="
                + readId
                + ", flag="
                + flagId
                + ", readFound="
                + readFound
                + "}";
    }
}
