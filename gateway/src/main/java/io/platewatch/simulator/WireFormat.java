package io.platewatch.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.TravelDirection;
import java.util.Locale;

/**
 * How a simulated camera writes its reads: our own JSON or the documented shape of one of the
 * vendor formats the gateway accepts. Vendor-only fields with no bearing on a read (image sizes,
 * processing times, plate corner coordinates) are filled with plausible constants.
 */
public enum WireFormat {
    PLATEWATCH {
        @Override
        public ObjectNode encode(SimulatedRead read) {
            ObjectNode message = MAPPER.createObjectNode();
            message.put("readId", read.readId());
            message.put("cameraId", read.camera().id());
            message.put("siteId", read.camera().siteId());
            message.put("organisationId", read.camera().organisationId());
            message.put("capturedAt", read.capturedAt().toString());
            message.put("plate", read.plate());
            message.put("region", read.vehicle().region());
            message.put("confidence", read.confidence());
            ArrayNode candidates = message.putArray("candidates");
            for (PlateCandidate candidate : read.candidates()) {
                candidates
                        .addObject()
                        .put("plate", candidate.getPlate())
                        .put("confidence", candidate.getConfidence());
            }
            message.putObject("position")
                    .put("lat", read.camera().lat())
                    .put("lon", read.camera().lon());
            message.put("direction", read.direction().name());
            message.put("headingDegrees", read.headingDegrees());
            message.putObject("vehicle")
                    .put("make", read.vehicle().make())
                    .put("model", read.vehicle().model())
                    .put("colour", read.vehicle().colour())
                    .put("type", read.vehicle().type());
            return message;
        }

        @Override
        public String gatewayReadId(SimulatedRead read) {
            return read.readId();
        }
    },

    OPENALPR_GROUP {
        @Override
        public ObjectNode encode(SimulatedRead read) {
            long captured = read.capturedAt().toEpochMilli();
            ObjectNode message = MAPPER.createObjectNode();
            message.put("version", 2);
            message.put("data_type", "alpr_group");
            message.put("epoch_start", captured - 400);
            message.put("epoch_end", captured + 1600);
            message.put("agent_uid", agentUid(read));
            message.put("agent_type", "alprd");
            message.put("agent_version", "4.1.1");
            message.put("camera_id", read.camera().openAlprId());
            message.put("gps_latitude", read.camera().lat());
            message.put("gps_longitude", read.camera().lon());
            message.put("country", "nz");
            message.putArray("uuids").add(gatewayReadId(read));
            message.putArray("plate_indexes").add(0);
            ArrayNode candidates = message.putArray("candidates");
            candidates
                    .addObject()
                    .put("plate", read.plate())
                    .put("confidence", read.confidence() * 100.0)
                    .put("matches_template", 1);
            for (PlateCandidate candidate : read.candidates()) {
                candidates
                        .addObject()
                        .put("plate", candidate.getPlate())
                        .put("confidence", candidate.getConfidence() * 100.0)
                        .put("matches_template", 0);
            }
            message.putObject("best_plate")
                    .put("plate", read.plate())
                    .put("confidence", read.confidence() * 100.0)
                    .put("region", vendorRegion(read))
                    .put("plate_index", 0);
            message.put("best_confidence", read.confidence() * 100.0);
            message.put("best_plate_number", read.plate());
            message.put("best_region", vendorRegion(read));
            message.put("best_region_confidence", 80);
            message.put("best_uuid", gatewayReadId(read));
            message.put("best_uuid_epoch_ms", captured);
            message.put("best_image_width", 1920);
            message.put("best_image_height", 1080);
            message.put("travel_direction", read.headingDegrees());
            message.put("is_parked", false);
            message.put("is_preview", false);
            ObjectNode vehicle = message.putObject("vehicle");
            label(vehicle, "color", read.vehicle().colour());
            label(vehicle, "make", read.vehicle().make().toLowerCase(Locale.ROOT));
            label(
                    vehicle,
                    "make_model",
                    (read.vehicle().make() + "_" + read.vehicle().model())
                            .toLowerCase(Locale.ROOT)
                            .replace(' ', '-'));
            label(vehicle, "body_type", read.vehicle().type());
            return message;
        }

        @Override
        public String gatewayReadId(SimulatedRead read) {
            return agentUid(read) + "-" + read.camera().openAlprId() + "-" + read.readId();
        }
    },

    OPENALPR_RESULTS {
        @Override
        public ObjectNode encode(SimulatedRead read) {
            ObjectNode message = MAPPER.createObjectNode();
            message.put("version", 2);
            message.put("data_type", "alpr_results");
            message.put("epoch_time", read.capturedAt().toEpochMilli());
            message.put("img_width", 1920);
            message.put("img_height", 1080);
            message.put("processing_time_ms", 80.0);
            message.put("uuid", frameUuid(read));
            message.put("camera_id", read.camera().openAlprId());
            message.put("agent_uid", agentUid(read));
            ObjectNode result = message.putArray("results").addObject();
            result.put("plate", read.plate());
            result.put("confidence", read.confidence() * 100.0);
            result.put("matches_template", 1);
            result.put("plate_index", 0);
            result.put("region", vendorRegion(read));
            result.put("region_confidence", 80);
            ArrayNode candidates = result.putArray("candidates");
            candidates
                    .addObject()
                    .put("plate", read.plate())
                    .put("confidence", read.confidence() * 100.0);
            for (PlateCandidate candidate : read.candidates()) {
                candidates
                        .addObject()
                        .put("plate", candidate.getPlate())
                        .put("confidence", candidate.getConfidence() * 100.0);
            }
            return message;
        }

        @Override
        public String gatewayReadId(SimulatedRead read) {
            return frameUuid(read) + "#0";
        }

        private String frameUuid(SimulatedRead read) {
            return agentUid(read) + "-" + read.camera().openAlprId() + "-" + read.readId();
        }
    },

    PLATE_RECOGNIZER {
        @Override
        public ObjectNode encode(SimulatedRead read) {
            ObjectNode message = MAPPER.createObjectNode();
            message.putObject("hook")
                    .put("target", "gateway")
                    .put("id", read.camera().id())
                    .put("event", "recognition")
                    .put("filename", filename(read));
            ObjectNode data = message.putObject("data");
            data.put("camera_id", read.camera().id());
            data.put("filename", filename(read));
            data.put("timestamp", read.capturedAt().toString());
            ObjectNode result = data.putArray("results").addObject();
            result.putObject("box")
                    .put("xmin", 460)
                    .put("ymin", 57)
                    .put("xmax", 557)
                    .put("ymax", 82);
            result.put("plate", read.plate().toLowerCase(Locale.ROOT));
            result.putObject("region").put("code", vendorRegion(read)).put("score", 0.8);
            result.put("score", read.confidence());
            result.put("dscore", 0.9);
            ArrayNode candidates = result.putArray("candidates");
            candidates.addObject().put("plate", read.plate().toLowerCase(Locale.ROOT));
            for (PlateCandidate candidate : read.candidates()) {
                candidates.addObject().put("plate", candidate.getPlate().toLowerCase(Locale.ROOT));
            }
            result.putObject("vehicle").put("type", read.vehicle().type()).put("score", 0.8);
            result.putArray("model_make")
                    .addObject()
                    .put("make", read.vehicle().make())
                    .put("model", read.vehicle().model())
                    .put("score", 0.6);
            result.putArray("color")
                    .addObject()
                    .put("color", read.vehicle().colour())
                    .put("score", 0.7);
            result.putArray("orientation")
                    .addObject()
                    .put(
                            "orientation",
                            read.direction() == TravelDirection.APPROACHING ? "Front" : "Rear")
                    .put("score", 0.9);
            result.put("direction", read.headingDegrees());
            return message;
        }

        @Override
        public String gatewayReadId(SimulatedRead read) {
            return filename(read) + "#0";
        }

        private String filename(SimulatedRead read) {
            return read.camera().id() + "_screenshots/" + read.readId() + ".jpg";
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The message a camera of this format would send for {@code read}. */
    public abstract ObjectNode encode(SimulatedRead read);

    /** The read id the gateway derives from the message of {@code read}. */
    public abstract String gatewayReadId(SimulatedRead read);

    private static String agentUid(SimulatedRead read) {
        return "SIMAGENT" + read.camera().siteId().toUpperCase(Locale.ROOT).replace('-', '0');
    }

    /** Vendors write regions in lower case: "nz", "us-ca". */
    private static String vendorRegion(SimulatedRead read) {
        return read.vehicle().region().toLowerCase(Locale.ROOT);
    }

    private static void label(ObjectNode vehicle, String name, String value) {
        vehicle.putArray(name).addObject().put("name", value).put("confidence", 80.0);
    }
}
