package io.platewatch.alerting;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.GeoPoint;
import java.time.Instant;

/** Builds the outgoing Avro records of a match. Pure: every time is passed in. */
public final class AlertFactory {

    private AlertFactory() {}

    /** The alert for a match; readAgeMillis = emittedAt - capturedAt. */
    public static Alert alert(Match match, long emittedAt) {
        CompactRead read = match.read;
        CompactFlag flag = match.flag;
        return Alert.newBuilder()
                .setAlertId(AlertIds.alertId(read.cameraId, read.readId, flag.flagId))
                .setReadId(read.readId)
                .setCameraId(read.cameraId)
                .setSiteId(read.siteId)
                .setSiteOrganisationId(read.siteOrganisationId)
                .setPlate(read.plate)
                .setRegion(read.region)
                .setPosition(new GeoPoint(read.lat, read.lon))
                .setFlagId(flag.flagId)
                .setFlagCategory(flag.category)
                .setFlagOwnerOrganisationId(flag.ownerOrganisationId)
                .setIncidentId(flag.incidentId)
                .setMatchKind(match.kind)
                .setFoldedDifferences(match.foldedDifferences)
                .setHistorical(match.historical)
                .setAudience(AudiencePolicy.audienceOf(flag))
                .setPriority(flag.priority)
                .setCapturedAt(Instant.ofEpochMilli(read.capturedAt))
                .setIngestedAt(Instant.ofEpochMilli(read.receivedAt))
                .setEmittedAt(Instant.ofEpochMilli(emittedAt))
                .setReadAgeMillis(Math.max(0, emittedAt - read.capturedAt))
                .build();
    }

    /** The evidence link that keeps a matched read for the flag's (and incident's) retention. */
    public static EvidenceLink evidenceLink(Match match, long linkedAt) {
        CompactRead read = match.read;
        CompactFlag flag = match.flag;
        return EvidenceLink.newBuilder()
                .setLinkId(AlertIds.evidenceLinkId(read.cameraId, read.readId, flag.flagId))
                .setReadId(read.readId)
                .setCameraId(read.cameraId)
                .setMatchKey(match.matchKey)
                .setCapturedAt(Instant.ofEpochMilli(read.capturedAt))
                .setFlagId(flag.flagId)
                .setIncidentId(flag.incidentId)
                .setOwnerOrganisationId(flag.ownerOrganisationId)
                .setLinkedAt(Instant.ofEpochMilli(linkedAt))
                .build();
    }
}
