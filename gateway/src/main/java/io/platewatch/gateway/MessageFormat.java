package io.platewatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The camera message formats the gateway accepts, and how to tell them apart. Detection looks only
 * at the fields that mark each format, so one endpoint serves every camera.
 */
public enum MessageFormat {
    /** Our own JSON, a field-by-field mapping of a read. */
    PLATEWATCH(new PlateWatchJsonParser()),
    /** OpenALPR / Rekor Scout {@code alpr_group}: one message per vehicle passage. */
    OPENALPR_GROUP(new OpenAlprGroupParser()),
    /** OpenALPR / Rekor Scout {@code alpr_results}: one message per video frame. */
    OPENALPR_RESULTS(new OpenAlprResultsParser()),
    /** Plate Recognizer Stream webhook or Snapshot API result. */
    PLATE_RECOGNIZER(new PlateRecognizerParser());

    private final MessageParser parser;

    MessageFormat(MessageParser parser) {
        this.parser = parser;
    }

    MessageParser parser() {
        return parser;
    }

    /** Lower-case name used in metrics and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The camera id a message of this format names, or null. */
    public String cameraIdOf(JsonNode message) {
        try {
            return parser.cameraIdOf(message);
        } catch (IngestException e) {
            return null;
        }
    }

    /** The format of {@code message}, or an {@link IngestException} saying why none fits. */
    public static MessageFormat detect(JsonNode message) {
        if (message == null || !message.isObject()) {
            throw IngestException.malformed(null, "body must be a JSON object");
        }
        JsonNode dataType = message.get("data_type");
        if (dataType != null) {
            return openAlpr(dataType);
        }
        JsonNode data = message.get("data");
        if ((data != null && data.isObject() && data.has("results"))
                || message.path("hook").isObject()) {
            return PLATE_RECOGNIZER;
        }
        if (message.path("results").isArray()
                && (message.has("timestamp") || message.has("filename"))) {
            return PLATE_RECOGNIZER;
        }
        if (message.has("readId")) {
            return PLATEWATCH;
        }
        throw IngestException.malformed(
                null,
                "unrecognised message: expected OpenALPR (data_type), Plate Recognizer"
                        + " (data.results or results with timestamp) or PlateWatch (readId)");
    }

    private static MessageFormat openAlpr(JsonNode dataType) {
        String type = dataType.asText("");
        if (type.equals("alpr_group")) {
            return OPENALPR_GROUP;
        }
        if (type.equals("alpr_results")) {
            return OPENALPR_RESULTS;
        }
        throw new IngestException(
                422,
                "not_a_read",
                "data_type",
                "data_type must be alpr_group or alpr_results; other OpenALPR messages carry no"
                        + " read");
    }
}
