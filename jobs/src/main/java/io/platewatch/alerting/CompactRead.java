package io.platewatch.alerting;

import io.platewatch.schemas.PlateRead;
import java.util.Objects;

/**
 * The part of a read the alerting job keeps: what an alert or evidence link needs and nothing more
 * (no image reference, no vehicle description, no OCR confidence). It is the value held in keyed
 * state for 60 days, so it is kept small. A Flink POJO: public fields, no-argument constructor.
 */
public class CompactRead {

    public String readId;
    public String cameraId;
    public String siteId;
    public String siteOrganisationId;

    /** Plate text exactly as read, carried into the alert for the operator. */
    public String plate;

    /** Normalised region, or null when the camera could not tell. */
    public String region;

    public long capturedAt;
    public long receivedAt;
    public double lat;
    public double lon;

    public CompactRead() {}

    /** Copies the kept fields of a read; {@code region} must already be normalised. */
    public static CompactRead of(PlateRead read, String region) {
        CompactRead r = new CompactRead();
        r.readId = read.getReadId();
        r.cameraId = read.getCameraId();
        r.siteId = read.getSiteId();
        r.siteOrganisationId = read.getOrganisationId();
        r.plate = read.getPlate();
        r.region = region;
        r.capturedAt = read.getCapturedAt().toEpochMilli();
        r.receivedAt = read.getReceivedAt().toEpochMilli();
        r.lat = read.getPosition().getLat();
        r.lon = read.getPosition().getLon();
        return r;
    }

    /** Key of the read in state: (cameraId, readId) identifies a read, so a replay overwrites. */
    public String stateKey() {
        return cameraId + '\u001f' + readId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactRead r
                && capturedAt == r.capturedAt
                && receivedAt == r.receivedAt
                && Double.compare(lat, r.lat) == 0
                && Double.compare(lon, r.lon) == 0
                && Objects.equals(readId, r.readId)
                && Objects.equals(cameraId, r.cameraId)
                && Objects.equals(siteId, r.siteId)
                && Objects.equals(siteOrganisationId, r.siteOrganisationId)
                && Objects.equals(plate, r.plate)
                && Objects.equals(region, r.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cameraId, readId, capturedAt);
    }

    // Ids only: this string may reach a log line.
    @Override
    public String toString() {
        return "CompactRead{camera=" + cameraId + ", read=" + readId + "}";
    }
}
