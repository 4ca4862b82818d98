package io.platewatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.TravelDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Conversions every vendor mapping shares: regions, confidences, labels, positions. */
final class VendorFields {
    private VendorFields() {}

    /** A read builder with the camera's identity and the gateway's receipt time filled in. */
    static PlateRead.Builder readFor(Camera camera, Instant receivedAt) {
        return PlateRead.newBuilder()
                .setCameraId(camera.id())
                .setSiteId(camera.siteId())
                .setOrganisationId(camera.organisationId())
                .setReceivedAt(receivedAt)
                .setDirection(TravelDirection.UNKNOWN)
                .setCandidates(new ArrayList<>())
                .setRegion(camera.defaultRegion());
    }

    /** A vendor region code as ISO 3166, or null; see {@link Regions#normalise}. */
    static String region(String vendorCode) {
        return Regions.normalise(vendorCode);
    }

    /** OpenALPR gives confidences in percent; the read carries 0 to 1. */
    static float percent(double value, String path) {
        if (value < 0 || value > 100) {
            throw IngestException.impossible(path, path + " must be a percentage, 0 to 100");
        }
        return (float) (value / 100.0);
    }

    /** Plate Recognizer gives scores 0 to 1 already. */
    static float unit(double value, String path) {
        if (value < 0 || value > 1) {
            throw IngestException.impossible(path, path + " must be between 0 and 1");
        }
        return (float) value;
    }

    /**
     * Alternatives from a vendor candidate list, leaving out the main reading and duplicates.
     * Candidates with no score (Plate Recognizer Stream omits it) get confidence 0.
     */
    static List<PlateCandidate> candidates(
            JsonNode list, String plate, String scoreField, boolean percent, String path) {
        List<PlateCandidate> result = new ArrayList<>();
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray()) {
            throw IngestException.malformed(path, path + " must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode item = list.get(i);
            String text = JsonFields.requireText(item, "plate", itemPath + ".plate");
            if (text.equals(plate) || result.stream().anyMatch(c -> c.getPlate().equals(text))) {
                continue;
            }
            Double score = JsonFields.optionalNumber(item, scoreField, itemPath + "." + scoreField);
            float confidence =
                    score == null
                            ? 0f
                            : percent
                                    ? percent(score, itemPath + "." + scoreField)
                                    : unit(score, itemPath + "." + scoreField);
            result.add(new PlateCandidate(text, confidence));
        }
        return result;
    }

    /**
     * The best label of an OpenALPR attribute list such as {@code [{"name":"red",
     * "confidence":88.1}]}; vendors send it best first.
     */
    static String topLabel(JsonNode attributes, String name) {
        JsonNode list = attributes == null ? null : attributes.get(name);
        if (list == null || !list.isArray() || list.isEmpty()) {
            return null;
        }
        JsonNode first = list.get(0);
        String label = first.isTextual() ? first.textValue() : first.path("name").asText(null);
        return label == null || label.isBlank() ? null : label;
    }

    /**
     * The read's position: the message's GPS fix when it has one, else the camera's fixed position.
     * Agents without GPS report 0,0, which counts as no fix.
     */
    static GeoPoint position(Double lat, Double lon, Camera camera, String path) {
        boolean hasFix = lat != null && lon != null && !(lat == 0.0 && lon == 0.0);
        if (hasFix) {
            return new GeoPoint(lat, lon);
        }
        if (camera.position() == null) {
            throw IngestException.missing(path);
        }
        return camera.position();
    }
}
