package io.platewatch.gateway;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.schemas.PlateRead;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns the body of one camera request into reads and stores them: detect the format, map it, check
 * every read, then publish. Independent of HTTP so that tests and the replay can drive it directly.
 */
public final class IngestService {
    private final ObjectMapper mapper =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ReadRules rules;
    private final ReadSink sink;
    private final Clock clock;

    public IngestService(ReadRules rules, ReadSink sink, Clock clock) {
        this.rules = rules;
        this.sink = sink;
        this.clock = clock;
    }

    /** The format and reads of a request body, all checked; nothing is stored yet. */
    public Parsed parse(byte[] body, Camera camera) {
        JsonNode message = json(body);
        MessageFormat format = MessageFormat.detect(message);
        requireOwnCamera(format.cameraIdOf(message), camera);
        List<PlateRead> reads = format.parser().parse(message, camera, clock.instant());
        reads.forEach(rules::check);
        return new Parsed(format, reads);
    }

    /** Stores parsed reads; the future completes when the sink has acknowledged every one. */
    public CompletableFuture<Parsed> store(Parsed parsed) {
        if (parsed.reads().isEmpty()) {
            return CompletableFuture.completedFuture(parsed);
        }
        return sink.publish(parsed.reads()).thenApply(done -> parsed);
    }

    private JsonNode json(byte[] body) {
        if (body.length == 0) {
            throw IngestException.malformed(null, "body is empty");
        }
        try {
            return mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            // Raised before any position is known; its own text would be safe, but stay uniform.
            throw IngestException.malformed(
                    null, "body exceeds the JSON limits (nesting depth, number or string length)");
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the body, plates included: only the position goes
            // out.
            JsonLocation at = e.getLocation();
            throw IngestException.malformed(
                    null,
                    at == null
                            ? "body is not valid JSON"
                            : "body is not valid JSON (line "
                                    + at.getLineNr()
                                    + ", column "
                                    + at.getColumnNr()
                                    + ")");
        } catch (IOException e) {
            throw IngestException.malformed(null, "body could not be read as JSON");
        }
    }

    /** A token authenticates one camera; a message naming another camera is refused. */
    private static void requireOwnCamera(String messageCameraId, Camera camera) {
        if (messageCameraId != null && !camera.answersTo(messageCameraId)) {
            throw new IngestException(
                    403,
                    "wrong_camera",
                    "camera_id",
                    "message names camera "
                            + messageCameraId
                            + ", which this token does not authenticate");
        }
    }

    /** Reads mapped from one request, with the format they came in. */
    public record Parsed(MessageFormat format, List<PlateRead> reads) {
        public List<String> readIds() {
            return reads.stream().map(PlateRead::getReadId).toList();
        }
    }
}
