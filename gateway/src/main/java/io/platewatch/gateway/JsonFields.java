package io.platewatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads typed fields out of vendor JSON and turns every shape problem into an {@link
 * IngestException} that names the field by its path.
 */
final class JsonFields {
    /** ISO dates with either 'T' or a space before the time, as vendors write both. */
    private static final DateTimeFormatter LENIENT_LOCAL =
            new DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .append(DateTimeFormatter.ISO_LOCAL_TIME)
                    .optionalStart()
                    .appendOffset("+HH:MM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HHMM", "Z")
                    .optionalEnd()
                    .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
                    .toFormatter();

    private JsonFields() {}

    static JsonNode requireObject(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw IngestException.missing(path);
        }
        if (!node.isObject()) {
            throw IngestException.malformed(path, path + " must be an object");
        }
        return node;
    }

    static JsonNode requireArray(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw IngestException.missing(path);
        }
        if (!node.isArray()) {
            throw IngestException.malformed(path, path + " must be an array");
        }
        return node;
    }

    /** A text field that must be present and not blank; numbers are taken as their text. */
    static String requireText(JsonNode parent, String name, String path) {
        String value = optionalText(parent, name, path);
        if (value == null || value.isBlank()) {
            throw IngestException.missing(path);
        }
        return value;
    }

    /** A text or number field, or null when absent, null or blank. */
    static String optionalText(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().isBlank() ? null : node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        throw IngestException.malformed(path, path + " must be text");
    }

    static double requireNumber(JsonNode parent, String name, String path) {
        Double value = optionalNumber(parent, name, path);
        if (value == null) {
            throw IngestException.missing(path);
        }
        return value;
    }

    static Double optionalNumber(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw IngestException.malformed(path, path + " must be a number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw IngestException.impossible(path, path + " must be a finite number");
        }
        return value;
    }

    static Instant requireEpochMillis(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw IngestException.missing(path);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw IngestException.malformed(path, path + " must be epoch milliseconds");
        }
        return Instant.ofEpochMilli(node.longValue());
    }

    /**
     * A timestamp given either as epoch milliseconds or as ISO-8601 text; text without an offset is
     * taken as UTC, the way Plate Recognizer writes it.
     */
    static Instant requireTimestamp(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw IngestException.missing(path);
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw IngestException.malformed(
                    path, path + " must be ISO-8601 text or epoch milliseconds");
        }
        return parseTimestamp(node.textValue().strip(), path);
    }

    static Instant parseTimestamp(String text, String path) {
        try {
            return OffsetDateTime.parse(text, LENIENT_LOCAL).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw IngestException.malformed(path, path + " is not an ISO-8601 timestamp");
            }
        }
    }
}
