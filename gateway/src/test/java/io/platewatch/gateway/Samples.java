package io.platewatch.gateway;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platewatch.schemas.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** Sample camera messages from src/test/resources/samples and the camera they come from. */
final class Samples {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The samples were captured at 2026-03-02T03:04:05.678Z; the gateway clock reads soon after.
     */
    static final Instant NOW = Instant.parse("2026-03-02T03:05:00Z");

    static final Camera CAMERA =
            new Camera(
                    "cam-albany-1",
                    "site-albany",
                    "org-fuelco",
                    new GeoPoint(-36.7285, 174.71),
                    Set.of("1234", "albany-gate"),
                    "NZ",
                    URI.create("https://images.example.test/albany/"));

    private Samples() {}

    static ObjectNode load(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of a sample with the field at a JSON pointer replaced by {@code value}, or removed
     * when {@code value} is null.
     */
    static ObjectNode with(String sample, String pointer, Object value) {
        ObjectNode root = load(sample);
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        String last = path.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            int index = path.last().getMatchingIndex();
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, MAPPER.valueToTree(value));
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, MAPPER.valueToTree(value));
        }
        return root;
    }

    static IngestService service() {
        ReadRules rules =
                new ReadRules(
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        Duration.ofMinutes(5),
                        Duration.ofDays(30));
        ReadSink unused =
                reads -> {
                    throw new AssertionError("mapping tests never store");
                };
        return new IngestService(rules, unused, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
