package io.platewatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.schemas.PlateRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenALPR / Rekor Scout {@code alpr_results}: one message per video frame, holding every plate
 * seen in that frame. Each plate becomes a read whose id is the frame uuid plus the plate's index
 * in the frame, so a resent frame maps to the same reads.
 */
final class OpenAlprResultsParser implements MessageParser {

    @Override
    public List<PlateRead> parse(JsonNode message, Camera camera, Instant receivedAt) {
        String frameUuid = JsonFields.requireText(message, "uuid", "uuid");
        Instant capturedAt = JsonFields.requireEpochMillis(message, "epoch_time", "epoch_time");
        JsonNode results = JsonFields.requireArray(message, "results", "results");
        Double lat = JsonFields.optionalNumber(message, "gps_latitude", "gps_latitude");
        Double lon = JsonFields.optionalNumber(message, "gps_longitude", "gps_longitude");
        List<PlateRead> reads = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            reads.add(
                    result(
                            results.get(i),
                            "results[" + i + "]",
                            i,
                            frameUuid,
                            capturedAt,
                            lat,
                            lon,
                            camera,
                            receivedAt));
        }
        return reads;
    }

    @Override
    public String cameraIdOf(JsonNode message) {
        return JsonFields.optionalText(message, "camera_id", "camera_id");
    }

    private static PlateRead result(
            JsonNode result,
            String path,
            int position,
            String frameUuid,
            Instant capturedAt,
            Double lat,
            Double lon,
            Camera camera,
            Instant receivedAt) {
        if (!result.isObject()) {
            throw IngestException.malformed(path, path + " must be an object");
        }
        String plate = JsonFields.requireText(result, "plate", path + ".plate");
        double confidence = JsonFields.requireNumber(result, "confidence", path + ".confidence");
        Double index = JsonFields.optionalNumber(result, "plate_index", path + ".plate_index");
        int plateIndex = index == null ? position : index.intValue();
        PlateRead.Builder read =
                VendorFields.readFor(camera, receivedAt)
                        .setReadId(frameUuid + "#" + plateIndex)
                        .setPlate(plate)
                        .setConfidence(VendorFields.percent(confidence, path + ".confidence"))
                        .setCapturedAt(capturedAt)
                        .setCandidates(
                                VendorFields.candidates(
                                        result.get("candidates"),
                                        plate,
                                        "confidence",
                                        true,
                                        path + ".candidates"))
                        .setPosition(VendorFields.position(lat, lon, camera, "gps_latitude"))
                        .setVehicle(OpenAlprGroupParser.vehicle(result.get("vehicle")))
                        .setImageUri(camera.imageUri(frameUuid + ".jpg"));
        String region =
                VendorFields.region(JsonFields.optionalText(result, "region", path + ".region"));
        if (region != null) {
            read.setRegion(region);
        }
        return read.build();
    }
}
