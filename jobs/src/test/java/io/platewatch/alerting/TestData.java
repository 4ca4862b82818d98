package io.platewatch.alerting;

import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentCategory;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.schemas.VehicleFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builders of test records with sensible defaults; tests change only what they pin down. */
final class TestData {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    static final long DAY = Duration.ofDays(1).toMillis();
    static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private TestData() {}

    /** Defaults with hashmap state, for tests. */
    static AlertingConfig config() {
        return config(Map.of());
    }

    static AlertingConfig config(Map<String, String> overrides) {
        Map<String, String> merged = new java.util.HashMap<>(Map.of("state.backend", "hashmap"));
        merged.putAll(overrides);
        return AlertingConfig.load(null, merged);
    }

    static PlateRead.Builder read(String readId, String plate, Instant capturedAt) {
        return PlateRead.newBuilder()
                .setReadId(readId)
                .setCameraId("cam-1")
                .setSiteId("site-1")
                .setOrganisationId("org-site")
                .setCapturedAt(capturedAt)
                .setReceivedAt(capturedAt.plusMillis(200))
                .setPlate(plate)
                .setRegion("NZ")
                .setConfidence(0.9f)
                .setCandidates(List.of())
                .setPosition(new GeoPoint(-36.85, 174.76))
                .setDirection(TravelDirection.APPROACHING)
                .setHeadingDegrees(null)
                .setVehicle(null)
                .setImageUri(null);
    }

    static List<PlateCandidate> candidates(String... plates) {
        return Arrays.stream(plates).map(p -> new PlateCandidate(p, 0.5f)).toList();
    }

    static VehicleFlag.Builder flag(String flagId, String plate, Instant validFrom) {
        return VehicleFlag.newBuilder()
                .setFlagId(flagId)
                .setAction(FlagAction.ADD)
                .setPlate(plate)
                .setRegion("NZ")
                .setCategory(FlagCategory.STOLEN)
                .setReason("reported stolen")
                .setOwnerOrganisationId("org-police")
                .setIncidentId(null)
                .setPriority(Priority.HIGH)
                .setValidFrom(validFrom)
                .setExpiresAt(null)
                .setSharing(new SharingScope(SharingLevel.ALL_PARTNERS, List.of()))
                .setCovert(false)
                .setCreatedBy("officer-7")
                .setJustification("stolen vehicle report 123")
                .setUpdatedAt(validFrom);
    }

    static Incident.Builder incident(String incidentId, Instant reportedAt, IncidentVehicle... v) {
        return Incident.newBuilder()
                .setIncidentId(incidentId)
                .setOrganisationId("org-fuel")
                .setSiteId("site-9")
                .setOccurredAt(reportedAt.minusSeconds(600))
                .setReportedAt(reportedAt)
                .setCategory(IncidentCategory.FUEL_DRIVE_OFF)
                .setValueCents(8_000L)
                .setCurrency("NZD")
                .setPosition(null)
                .setVehicles(List.of(v))
                .setSharing(new SharingScope(SharingLevel.SHARING_GROUPS, List.of("fuel-retail")));
    }

    /**
     * Serializer of a generated Avro class. Harnesses need it for Avro outputs: without one they
     * ask Flink's type extractor, which has no Avro support in this build.
     */
    static <T extends org.apache.avro.specific.SpecificRecord>
            org.apache.flink.api.common.typeutils.TypeSerializer<T> avroSerializer(Class<T> type) {
        return io.platewatch.serde.SpecificRecordTypeInfo.forClass(type)
                .createSerializer(
                        new org.apache.flink.api.common.serialization.SerializerConfigImpl());
    }

    /** Values on a side output of a harness; empty when nothing was emitted there. */
    static <T>
            java.util.List<org.apache.flink.streaming.runtime.streamrecord.StreamRecord<T>>
                    sideOutput(
                            org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness<?>
                                    harness,
                            org.apache.flink.util.OutputTag<T> tag) {
        var queue = harness.getSideOutput(tag);
        return queue == null ? java.util.List.of() : new java.util.ArrayList<>(queue);
    }

    /** A compact flag as FlagPreparation would build it, for tests of later steps. */
    static CompactFlag compactFlag(String flagId, String plate) {
        LookAlikeFolding folding = config().folding();
        CompactFlag f = new CompactFlag();
        f.flagId = flagId;
        f.plate = plate;
        f.matchKey = folding.matchKey(plate);
        f.wildcard = PlateNormaliser.isPattern(plate);
        f.region = "NZ";
        f.category = FlagCategory.STOLEN;
        f.ownerOrganisationId = "org-police";
        f.priority = Priority.HIGH;
        f.validFrom = T0.toEpochMilli();
        f.sharingLevel = SharingLevel.ALL_PARTNERS;
        f.updatedAt = T0.toEpochMilli();
        return f;
    }

    /** A compact read as ReadPreparation would build it. */
    static CompactRead compactRead(String readId, String plate, long capturedAt) {
        CompactRead r = new CompactRead();
        r.readId = readId;
        r.cameraId = "cam-1";
        r.siteId = "site-1";
        r.siteOrganisationId = "org-site";
        r.plate = plate;
        r.region = "NZ";
        r.capturedAt = capturedAt;
        r.receivedAt = capturedAt + 200;
        r.lat = -36.85;
        r.lon = 174.76;
        return r;
    }
}
