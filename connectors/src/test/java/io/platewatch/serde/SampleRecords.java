package io.platewatch.serde;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.Audience;
import io.platewatch.schemas.AuditAction;
import io.platewatch.schemas.AuditEvent;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.HotspotTrend;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentCategory;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.MatchKind;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.SuppressibleCount;
import io.platewatch.schemas.Topic;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.schemas.VehicleDescription;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.schemas.WindowGranularity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * One realistic record per topic, every optional field filled where it has one, so a round trip
 * exercises unions, arrays, maps, enums, nested records and timestamps. Plates are invented.
 */
public final class SampleRecords {

    static final Instant CAPTURED = Instant.parse("2026-03-14T09:26:53.589Z");
    private static final GeoPoint AUCKLAND = new GeoPoint(-36.848461, 174.763336);

    private SampleRecords() {}

    /** The sample record of {@code topic}. */
    public static SpecificRecord of(Topic topic) {
        return switch (topic) {
            case PLATE_READS -> plateRead();
            case VEHICLE_FLAGS -> vehicleFlag();
            case INCIDENTS -> incident();
            case ALERTS -> alert();
            case EVIDENCE_LINKS -> evidenceLink();
            case HOTSPOT_CELLS -> hotspotCell();
            case AUDIT_EVENTS -> auditEvent();
            case DEAD_LETTERS -> deadLetter();
        };
    }

    public static PlateRead plateRead() {
        return PlateRead.newBuilder()
                .setReadId("read-000193")
                .setCameraId("cam-akl-017")
                .setSiteId("site-akl-queen-st")
                .setOrganisationId("org-fuelco")
                .setCapturedAt(CAPTURED)
                .setReceivedAt(CAPTURED.plusMillis(850))
                .setPlate("ABC123")
                .setRegion("NZ")
                .setConfidence(0.94f)
                .setCandidates(
                        List.of(
                                new PlateCandidate("A8C123", 0.71f),
                                new PlateCandidate("ABC12", 0.4f)))
                .setPosition(AUCKLAND)
                .setDirection(TravelDirection.APPROACHING)
                .setHeadingDegrees(271.5f)
                .setVehicle(new VehicleDescription("Toyota", "Corolla", "silver", "sedan"))
                .setImageUri("s3://camera-images/cam-akl-017/read-000193.jpg")
                .build();
    }

    public static VehicleFlag vehicleFlag() {
        return VehicleFlag.newBuilder()
                .setFlagId("flag-42")
                .setAction(FlagAction.ADD)
                .setPlate("ABC12?")
                .setRegion("NZ")
                .setCategory(FlagCategory.INCIDENT_LINKED)
                .setReason("Fuel drive-off at site 3")
                .setOwnerOrganisationId("org-fuelco")
                .setIncidentId("inc-7")
                .setPriority(Priority.HIGH)
                .setValidFrom(CAPTURED.minusSeconds(86_400))
                .setExpiresAt(CAPTURED.plusSeconds(30L * 86_400))
                .setSharing(new SharingScope(SharingLevel.SHARING_GROUPS, List.of("grp-fuel")))
                .setCovert(false)
                .setCreatedBy("user-311")
                .setJustification("Reported drive-off, CCTV reviewed")
                .setUpdatedAt(CAPTURED.minusSeconds(3600))
                .build();
    }

    public static Incident incident() {
        return Incident.newBuilder()
                .setIncidentId("inc-7")
                .setOrganisationId("org-fuelco")
                .setSiteId("site-akl-queen-st")
                .setOccurredAt(CAPTURED.minusSeconds(90_000))
                .setReportedAt(CAPTURED.minusSeconds(88_000))
                .setCategory(IncidentCategory.FUEL_DRIVE_OFF)
                .setValueCents(8_950L)
                .setCurrency("NZD")
                .setPosition(AUCKLAND)
                .setVehicles(List.of(new IncidentVehicle("ABC123", "NZ")))
                .setSharing(new SharingScope(SharingLevel.POLICE_ONLY, List.of()))
                .build();
    }

    public static Alert alert() {
        return Alert.newBuilder()
                .setAlertId("alert-cam-akl-017-read-000193-flag-42")
                .setReadId("read-000193")
                .setCameraId("cam-akl-017")
                .setSiteId("site-akl-queen-st")
                .setSiteOrganisationId("org-fuelco")
                .setPlate("ABC123")
                .setRegion("NZ")
                .setPosition(AUCKLAND)
                .setFlagId("flag-42")
                .setFlagCategory(FlagCategory.INCIDENT_LINKED)
                .setFlagOwnerOrganisationId("org-fuelco")
                .setIncidentId("inc-7")
                .setMatchKind(MatchKind.LOOK_ALIKE)
                .setFoldedDifferences(1)
                .setHistorical(false)
                .setAudience(
                        new Audience(
                                SharingLevel.SHARING_GROUPS,
                                List.of("org-fuelco", "org-police"),
                                List.of("grp-fuel")))
                .setPriority(Priority.HIGH)
                .setCapturedAt(CAPTURED)
                .setIngestedAt(CAPTURED.plusMillis(850))
                .setEmittedAt(CAPTURED.plusMillis(1_210))
                .setReadAgeMillis(1_210)
                .build();
    }

    public static EvidenceLink evidenceLink() {
        return EvidenceLink.newBuilder()
                .setLinkId("link-cam-akl-017-read-000193-flag-42")
                .setReadId("read-000193")
                .setCameraId("cam-akl-017")
                .setMatchKey("A8C123")
                .setCapturedAt(CAPTURED)
                .setFlagId("flag-42")
                .setIncidentId("inc-7")
                .setOwnerOrganisationId("org-fuelco")
                .setLinkedAt(CAPTURED.plusMillis(1_300))
                .build();
    }

    public static HotspotCell hotspotCell() {
        return HotspotCell.newBuilder()
                .setCellId("87bb2ab8dffffff")
                .setResolution(7)
                .setCentre(AUCKLAND)
                .setGranularity(WindowGranularity.DAY)
                .setWindowStart(Instant.parse("2026-03-14T00:00:00Z"))
                .setWindowEnd(Instant.parse("2026-03-15T00:00:00Z"))
                .setIncidentsByCategory(
                        Map.of(
                                "FUEL_DRIVE_OFF", new SuppressibleCount(12L, false),
                                "THEFT", new SuppressibleCount(null, true)))
                .setIncidents(new SuppressibleCount(17L, false))
                .setFlaggedSightings(new SuppressibleCount(31L, false))
                .setTotalReads(new SuppressibleCount(48_211L, false))
                .setIncidentValueCents(new SuppressibleCount(null, true))
                .setGiStarZ(2.81)
                .setTrend(HotspotTrend.INTENSIFYING)
                .setComputedAt(Instant.parse("2026-03-15T00:05:00Z"))
                .build();
    }

    public static AuditEvent auditEvent() {
        return AuditEvent.newBuilder()
                .setEventId("audit-9001")
                .setActor("user-311")
                .setActorOrganisationId("org-fuelco")
                .setAction(AuditAction.ALERT_VIEWED)
                .setSubjectType("alert")
                .setSubjectId("alert-cam-akl-017-read-000193-flag-42")
                .setPurpose("Respond to live alert")
                .setOccurredAt(CAPTURED.plusSeconds(20))
                .build();
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic(Topic.PLATE_READS.topicName())
                .setSourcePartition(3)
                .setSourceOffset(1_024L)
                .setKey(ByteBuffer.wrap("cam-akl-017".getBytes(StandardCharsets.UTF_8)))
                .setPayload(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 9, 1, 2}))
                .setErrorKind(ErrorKind.UNDECODABLE)
                .setReason("body ends early")
                .setStage("alerting/decode")
                .setFailedAt(CAPTURED.plusSeconds(1))
                .build();
    }
}
