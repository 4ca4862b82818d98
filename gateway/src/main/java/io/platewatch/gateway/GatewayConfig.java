package io.platewatch.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.platewatch.schemas.GeoPoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings of one gateway, read from a JSON file: where it listens, its limits, and the cameras
 * allowed to post with the hash of each one's token.
 *
 * @param host interface to bind
 * @param port TCP port; 0 picks a free one
 * @param maxBodyBytes largest request body accepted
 * @param ratePerCameraPerSecond sustained requests per second per camera
 * @param burstPerCamera requests a camera may send at once after a quiet spell
 * @param maxFutureSkew how far ahead of the gateway clock a capture time may be (camera clock
 *     drift)
 * @param maxPastAge how old a capture time may be (backlog uploaded after an outage)
 * @param cameras cameras allowed to post
 */
public record GatewayConfig(
        String host,
        int port,
        long maxBodyBytes,
        long ratePerCameraPerSecond,
        long burstPerCamera,
        Duration maxFutureSkew,
        Duration maxPastAge,
        List<CameraEntry> cameras) {

    public GatewayConfig {
        host = host == null ? "127.0.0.1" : host;
        maxBodyBytes = maxBodyBytes <= 0 ? 256 * 1024 : maxBodyBytes;
        ratePerCameraPerSecond = ratePerCameraPerSecond <= 0 ? 50 : ratePerCameraPerSecond;
        burstPerCamera = burstPerCamera <= 0 ? 2 * ratePerCameraPerSecond : burstPerCamera;
        maxFutureSkew = maxFutureSkew == null ? Duration.ofMinutes(5) : maxFutureSkew;
        maxPastAge = maxPastAge == null ? Duration.ofDays(30) : maxPastAge;
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
    }

    /**
     * One camera entry of the file.
     *
     * @param tokenSha256 lower-case hex SHA-256 of the camera's bearer token
     */
    public record CameraEntry(
            String id,
            String tokenSha256,
            String siteId,
            String organisationId,
            Double lat,
            Double lon,
            Set<String> vendorIds,
            String defaultRegion,
            URI imageBaseUri) {

        public CameraEntry {
            require(id, "id", id);
            require(tokenSha256, "tokenSha256", id);
            require(siteId, "siteId", id);
            require(organisationId, "organisationId", id);
            if ((lat == null) != (lon == null)) {
                throw new IllegalArgumentException("camera " + id + ": give both lat and lon");
            }
        }

        Camera toCamera() {
            GeoPoint position = lat == null ? null : new GeoPoint(lat, lon);
            return new Camera(
                    id, siteId, organisationId, position, vendorIds, defaultRegion, imageBaseUri);
        }

        private static void require(String value, String name, String id) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("camera " + id + ": " + name + " is required");
            }
        }
    }

    /** Reads a configuration file. */
    public static GatewayConfig load(Path file) throws IOException {
        return mapper().readValue(file.toFile(), GatewayConfig.class);
    }

    /** The mapper that reads and writes this file format (durations as ISO-8601 text). */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(
                host,
                newPort,
                maxBodyBytes,
                ratePerCameraPerSecond,
                burstPerCamera,
                maxFutureSkew,
                maxPastAge,
                cameras);
    }
}
