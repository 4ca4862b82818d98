package io.platewatch.retention;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.Audience;
import io.platewatch.schemas.AuditAction;
import io.platewatch.schemas.AuditEvent;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentCategory;
import io.platewatch.schemas.MatchKind;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.schemas.VehicleFlag;
import java.time.Instant;
import java.util.List;

/** Records for the retention tests; every id carries the test's run id so tests never collide. */
final class RetentionSamples {

    private RetentionSamples() {}

    static PlateRead read(String run, String readId, Instant capturedAt, String plate) {
        return PlateRead.newBuilder()
                .setReadId(run + "-" + readId)
                .setCameraId("cam-" + run)
                .setSiteId("site-" + run)
                .setOrganisationId("org-site")
                .setCapturedAt(capturedAt)
                .setReceivedAt(capturedAt.plusSeconds(2))
                .setPlate(plate)
                .setRegion("NZ")
                .setConfidence(0.93f)
                .setCandidates(List.of())
                .setPosition(new GeoPoint(-36.85, 174.76))
                .setDirection(TravelDirection.APPROACHING)
                .setImageUri("s3://images/" + readId)
                .build();
    }

    static PlateRead withCandidate(PlateRead read, String candidate) {
        return PlateRead.newBuilder(read)
                .setCandidates(List.of(new PlateCandidate(candidate, 0.4f)))
                .build();
    }

    static EvidenceLink link(
            PlateRead read, String matchKey, String flagId, String incidentId, Instant linkedAt) {
        return EvidenceLink.newBuilder()
                .setLinkId("link-" + read.getReadId() + "-" + flagId)
                .setReadId(read.getReadId())
                .setCameraId(read.getCameraId())
                .setMatchKey(matchKey)
                .setCapturedAt(read.getCapturedAt())
                .setFlagId(flagId)
                .setIncidentId(incidentId)
                .setOwnerOrganisationId("org-owner")
                .setLinkedAt(linkedAt)
                .build();
    }

    static Alert alert(PlateRead read, String flagId, Instant emittedAt) {
        return Alert.newBuilder()
                .setAlertId("alert-" + read.getReadId() + "-" + flagId)
                .setReadId(read.getReadId())
                .setCameraId(read.getCameraId())
                .setSiteId(read.getSiteId())
                .setSiteOrganisationId(read.getOrganisationId())
                .setPlate(read.getPlate())
                .setRegion(read.getRegion())
                .setPosition(read.getPosition())
                .setFlagId(flagId)
                .setFlagCategory(FlagCategory.STOLEN)
                .setFlagOwnerOrganisationId("org-owner")
                .setIncidentId(null)
                .setMatchKind(MatchKind.EXACT)
                .setFoldedDifferences(0)
                .setHistorical(false)
                .setAudience(
                        new Audience(
                                SharingLevel.SHARING_GROUPS,
                                List.of("org-owner", "org-site"),
                                List.of("group-1")))
                .setPriority(Priority.HIGH)
                .setCapturedAt(read.getCapturedAt())
                .setIngestedAt(read.getReceivedAt())
                .setEmittedAt(emittedAt)
                .setReadAgeMillis(emittedAt.toEpochMilli() - read.getCapturedAt().toEpochMilli())
                .build();
    }

    static VehicleFlag flag(
            String flagId, FlagAction action, String plate, Instant updatedAt, Instant expiresAt) {
        return VehicleFlag.newBuilder()
                .setFlagId(flagId)
                .setAction(action)
                .setPlate(plate)
                .setRegion("NZ")
                .setCategory(FlagCategory.STOLEN)
                .setReason("reported stolen")
                .setOwnerOrganisationId("org-owner")
                .setIncidentId(null)
                .setPriority(Priority.HIGH)
                .setValidFrom(updatedAt)
                .setExpiresAt(expiresAt)
                .setSharing(new SharingScope(SharingLevel.ALL_PARTNERS, List.of()))
                .setCovert(false)
                .setCreatedBy("user-1")
                .setJustification("theft report")
                .setUpdatedAt(updatedAt)
                .build();
    }

    /** An incident without vehicles: the alerting job needs an incident stream, not flags. */
    static Incident incident(String run, Instant reportedAt) {
        return Incident.newBuilder()
                .setIncidentId("incident-none-" + run)
                .setOrganisationId("org-site")
                .setSiteId("site-" + run)
                .setOccurredAt(reportedAt)
                .setReportedAt(reportedAt)
                .setCategory(IncidentCategory.THEFT)
                .setVehicles(List.of())
                .setSharing(new SharingScope(SharingLevel.OWNER_ONLY, List.of()))
                .build();
    }

    static AuditEvent audit(String run, String eventId, Instant occurredAt) {
        return AuditEvent.newBuilder()
                .setEventId(run + "-" + eventId)
                .setActor("user-1")
                .setActorOrganisationId("org-" + run)
                .setAction(AuditAction.ALERT_VIEWED)
                .setSubjectType("alert")
                .setSubjectId("alert-1")
                .setPurpose("investigation")
                .setOccurredAt(occurredAt)
                .build();
    }
}
