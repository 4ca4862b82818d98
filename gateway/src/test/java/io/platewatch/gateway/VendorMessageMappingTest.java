package io.platewatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.schemas.VehicleDescription;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VendorMessageMappingTest {
    private static final Instant CAPTURED = Instant.parse("2026-03-02T03:04:05.678Z");
    private final IngestService service = Samples.service();

    private IngestService.Parsed parse(JsonNode message) {
        return service.parse(Samples.bytes(message), Samples.CAMERA);
    }

    @Test
    void openAlprGroupBecomesOneReadWithBestPlateFrameTimeVehicleAndGps() {
        IngestService.Parsed parsed = parse(Samples.load("openalpr-group.json"));

        assertThat(parsed.format()).isEqualTo(MessageFormat.OPENALPR_GROUP);
        PlateRead read = parsed.reads().get(0);
        assertThat(parsed.reads()).hasSize(1);
        assertThat(read.getReadId())
                .isEqualTo("AGENTTESTUID0000000000000000000000000001-1234-1772420646012");
        assertThat(read.getCameraId()).isEqualTo("cam-albany-1");
        assertThat(read.getSiteId()).isEqualTo("site-albany");
        assertThat(read.getOrganisationId()).isEqualTo("org-fuelco");
        assertThat(read.getPlate()).isEqualTo("ZKT481");
        assertThat(read.getRegion()).isEqualTo("NZ");
        assertThat(read.getConfidence()).isEqualTo(0.9152f);
        assertThat(read.getCapturedAt()).isEqualTo(Instant.ofEpochMilli(1772420646012L));
        assertThat(read.getReceivedAt()).isEqualTo(Samples.NOW);
        assertThat(read.getCandidates())
                .containsExactly(
                        new PlateCandidate("ZKT48I", 0.781f), new PlateCandidate("2KT481", 0.749f));
        assertThat(read.getPosition()).isEqualTo(new GeoPoint(-36.72861, 174.70943));
        assertThat(read.getHeadingDegrees()).isEqualTo(182.5f);
        assertThat(read.getVehicle())
                .isEqualTo(
                        new VehicleDescription(
                                "toyota", "corolla", "silver-gray", "sedan-standard"));
        assertThat(read.getImageUri())
                .isEqualTo(
                        "https://images.example.test/albany/"
                            + "AGENTTESTUID0000000000000000000000000001-1234-1772420646012.jpg");
    }

    @Test
    void openAlprGroupWithoutGpsFixTakesCameraPositionAndEpochStart() {
        JsonNode message =
                Samples.with("openalpr-group.json", "/gps_latitude", 0.0)
                        .put("gps_longitude", 0.0)
                        .without("best_uuid_epoch_ms");

        PlateRead read = parse(message).reads().get(0);

        assertThat(read.getPosition()).isEqualTo(Samples.CAMERA.position());
        assertThat(read.getCapturedAt()).isEqualTo(CAPTURED);
    }

    @Test
    void openAlprResultsGivesOneReadPerPlateInTheFrame() {
        IngestService.Parsed parsed = parse(Samples.load("openalpr-results.json"));

        assertThat(parsed.format()).isEqualTo(MessageFormat.OPENALPR_RESULTS);
        assertThat(parsed.readIds())
                .containsExactly(
                        "AGENTTESTUID0000000000000000000000000001-1234-1772420645678#0",
                        "AGENTTESTUID0000000000000000000000000001-1234-1772420645678#1");
        PlateRead second = parsed.reads().get(1);
        assertThat(second.getPlate()).isEqualTo("7QWE219");
        assertThat(second.getRegion()).isEqualTo("US-CA");
        assertThat(second.getConfidence()).isEqualTo(0.84f);
        assertThat(second.getCandidates()).isEmpty();
        assertThat(second.getCapturedAt()).isEqualTo(CAPTURED);
        assertThat(second.getPosition()).isEqualTo(Samples.CAMERA.position());
        assertThat(parsed.reads().get(0).getCandidates())
                .containsExactly(new PlateCandidate("ZKT4B1", 0.702f));
    }

    @Test
    void plateRecognizerStreamWebhookMapsScoresOrientationVehicleAndImage() {
        IngestService.Parsed parsed = parse(Samples.load("platerecognizer-stream.json"));

        assertThat(parsed.format()).isEqualTo(MessageFormat.PLATE_RECOGNIZER);
        PlateRead read = parsed.reads().get(0);
        assertThat(read.getReadId())
                .isEqualTo("albany-gate_screenshots/26-03-02/03-04-05.678000.jpg#0");
        assertThat(read.getPlate()).isEqualTo("zkt481");
        assertThat(read.getRegion()).isEqualTo("NZ");
        assertThat(read.getConfidence()).isEqualTo(0.903f);
        assertThat(read.getCapturedAt()).isEqualTo(CAPTURED);
        assertThat(read.getCandidates())
                .containsExactly(
                        new PlateCandidate("zkt48i", 0f), new PlateCandidate("2kt481", 0f));
        assertThat(read.getDirection()).isEqualTo(TravelDirection.APPROACHING);
        assertThat(read.getHeadingDegrees()).isEqualTo(175f);
        assertThat(read.getVehicle())
                .isEqualTo(new VehicleDescription("Toyota", "Corolla", "silver", "Sedan"));
        assertThat(read.getPosition()).isEqualTo(Samples.CAMERA.position());
        assertThat(read.getImageUri())
                .isEqualTo(
                        "https://images.example.test/albany/"
                                + "albany-gate_screenshots/26-03-02/03-04-05.678000.jpg");
    }

    @Test
    void plateRecognizerSnapshotTimestampWithoutOffsetIsUtc() {
        PlateRead read = parse(Samples.load("platerecognizer-snapshot.json")).reads().get(0);

        assertThat(read.getReadId()).isEqualTo("0304_gate.jpg#0");
        assertThat(read.getCapturedAt()).isEqualTo(CAPTURED);
        assertThat(read.getRegion()).isEqualTo("GB");
        assertThat(read.getCandidates()).containsExactly(new PlateCandidate("ab12c0e", 0.712f));
        assertThat(read.getVehicle()).isEqualTo(new VehicleDescription(null, null, null, "SUV"));
        assertThat(read.getDirection()).isEqualTo(TravelDirection.UNKNOWN);
    }

    @Test
    void ownJsonMapsEveryFieldAndKeepsTheGatewayReceiptTime() {
        IngestService.Parsed parsed = parse(Samples.with("platewatch.json", "/receivedAt", 1));

        PlateRead read = parsed.reads().get(0);
        assertThat(parsed.format()).isEqualTo(MessageFormat.PLATEWATCH);
        assertThat(read.getReadId()).isEqualTo("r-000001");
        assertThat(read.getCapturedAt()).isEqualTo(CAPTURED);
        assertThat(read.getReceivedAt()).isEqualTo(Samples.NOW);
        assertThat(read.getConfidence()).isEqualTo(0.93f);
        assertThat(read.getCandidates()).containsExactly(new PlateCandidate("ZKT48I", 0.41f));
        assertThat(read.getDirection()).isEqualTo(TravelDirection.DEPARTING);
        assertThat(read.getHeadingDegrees()).isEqualTo(12.5f);
        assertThat(read.getVehicle())
                .isEqualTo(new VehicleDescription("Mazda", "Demio", "red", "hatchback"));
        assertThat(read.getImageUri()).isEqualTo("https://images.example.test/albany/r-000001.jpg");
    }

    @Test
    void ownJsonAcceptsEpochMillisAndNoOptionalFields() {
        JsonNode message =
                Samples.MAPPER
                        .createObjectNode()
                        .put("readId", "r-2")
                        .put("capturedAt", CAPTURED.toEpochMilli())
                        .put("plate", "ZKT481")
                        .put("confidence", 0.5);

        PlateRead read = parse(message).reads().get(0);

        assertThat(read.getCapturedAt()).isEqualTo(CAPTURED);
        assertThat(read.getRegion()).isEqualTo("NZ");
        assertThat(read.getVehicle()).isNull();
        assertThat(read.getPosition()).isEqualTo(Samples.CAMERA.position());
    }

    static Stream<Arguments> refusedMessages() {
        long farFuture = Samples.NOW.plusSeconds(3600).toEpochMilli();
        return Stream.of(
                refused(
                        "openalpr-group.json",
                        "/best_plate_number",
                        null,
                        400,
                        "best_plate_number"),
                refused("openalpr-group.json", "/best_confidence", "high", 400, "best_confidence"),
                refused("openalpr-group.json", "/best_confidence", 130.0, 422, "best_confidence"),
                refused("openalpr-group.json", "/gps_latitude", -123.4, 422, "latitude"),
                refused("openalpr-group.json", "/epoch_start", "soon", 400, "epoch_start"),
                refused("openalpr-group.json", "/best_uuid_epoch_ms", farFuture, 422, "capturedAt"),
                refused("openalpr-group.json", "/camera_id", 9999, 403, "camera_id"),
                refused("openalpr-group.json", "/data_type", "heartbeat", 422, "data_type"),
                refused("openalpr-group.json", "/best_plate_number", "ZK<T4", 422, "plate"),
                refused("openalpr-results.json", "/results/1/plate", null, 400, "results[1].plate"),
                refused("openalpr-results.json", "/results", "none", 400, "results"),
                refused("openalpr-results.json", "/epoch_time", farFuture, 422, "capturedAt"),
                refused("openalpr-results.json", "/uuid", null, 400, "uuid"),
                refused(
                        "platerecognizer-stream.json",
                        "/data/results/0/score",
                        1.7,
                        422,
                        "data.results[0].score"),
                refused(
                        "platerecognizer-stream.json",
                        "/data/timestamp",
                        "yesterday",
                        400,
                        "data.timestamp"),
                refused(
                        "platerecognizer-stream.json",
                        "/data/results/0/plate",
                        "",
                        400,
                        "data.results[0].plate"),
                refused(
                        "platerecognizer-stream.json",
                        "/data/camera_id",
                        "elsewhere",
                        403,
                        "camera_id"),
                refused(
                        "platerecognizer-snapshot.json",
                        "/timestamp",
                        "2019-01-01 00:00:00",
                        422,
                        "capturedAt"),
                refused("platewatch.json", "/capturedAt", null, 400, "capturedAt"),
                refused("platewatch.json", "/confidence", 93, 422, "confidence"),
                refused("platewatch.json", "/position/lon", 200.0, 422, "longitude"),
                refused("platewatch.json", "/position/lat", null, 400, "position.lat"),
                refused("platewatch.json", "/region", "New Zealand", 422, "region"),
                refused("platewatch.json", "/direction", "SIDEWAYS", 422, "direction"),
                refused("platewatch.json", "/headingDegrees", 400.0, 422, "headingDegrees"),
                refused("platewatch.json", "/siteId", "site-other", 403, "siteId"),
                refused("platewatch.json", "/candidates/0/plate", "Z#K", 422, "candidates.plate"),
                refused("platewatch.json", "/readId", null, 400, null));
    }

    private static Arguments refused(
            String sample, String pointer, Object value, int status, String field) {
        return Arguments.of(
                sample + " " + pointer + "=" + value, sample, pointer, value, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedMessages")
    void partialOrImpossibleMessagesAreRefusedWithTheFieldAndNoPlateText(
            String name, String sample, String pointer, Object value, int status, String field) {
        JsonNode message = Samples.with(sample, pointer, value);

        IngestException refusal = catchThrowableOfType(IngestException.class, () -> parse(message));

        assertThat(refusal).as("refusal").isNotNull();
        assertThat(refusal.status()).isEqualTo(status);
        assertThat(refusal.field()).isEqualTo(field);
        assertThat(refusal.getMessage()).isNotBlank().doesNotContainIgnoringCase("ZKT481");
        assertThat(refusal.getMessage()).doesNotContainIgnoringCase("ab12cde");
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreRefusedAsMalformed() {
        for (String body : List.of("", "{\"plate\":", "[1,2]", "{\"a\":1} trailing", "null")) {
            IngestException refusal =
                    catchThrowableOfType(
                            IngestException.class,
                            () ->
                                    service.parse(
                                            body.getBytes(StandardCharsets.UTF_8), Samples.CAMERA));
            assertThat(refusal).as(body).isNotNull();
            assertThat(refusal.status()).as(body).isEqualTo(400);
            assertThat(refusal.code()).as(body).isEqualTo("malformed");
        }
    }
}
