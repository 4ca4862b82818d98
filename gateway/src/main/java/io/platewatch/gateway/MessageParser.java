package io.platewatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.schemas.PlateRead;
import java.time.Instant;
import java.util.List;

/** Maps one camera message of a given format to the reads it reports. */
interface MessageParser {

    /**
     * The reads in {@code message}; throws {@link IngestException} naming the first field that is
     * missing or of the wrong shape. Value ranges are checked afterwards by {@link ReadRules}.
     */
    List<PlateRead> parse(JsonNode message, Camera camera, Instant receivedAt);

    /** The camera id the message names, or null when it names none. */
    String cameraIdOf(JsonNode message);
}
