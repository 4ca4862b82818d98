package io.platewatch.simulator;

import io.platewatch.gateway.CameraDirectory;
import io.platewatch.gateway.GatewayConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tokens and gateway configuration of the simulated cameras. Tokens derive from the seed and camera
 * id, so a gateway configured from one run authenticates every later run with the same seed.
 */
public final class SimulatedCameras {
    private SimulatedCameras() {}

    /** The bearer token of a simulated camera. */
    public static String token(long seed, String cameraId) {
        return "sim-" + CameraDirectory.sha256Hex(seed + ":" + cameraId).substring(0, 32);
    }

    /** Tokens of every camera, by our camera id and by every vendor id it answers to. */
    public static Map<String, String> tokensById(long seed, List<SimCamera> cameras) {
        Map<String, String> tokens =
                cameras.stream()
                        .collect(
                                Collectors.toMap(
                                        SimCamera::id, c -> token(seed, c.id()), (a, b) -> a));
        cameras.forEach(c -> tokens.put(Integer.toString(c.openAlprId()), token(seed, c.id())));
        return tokens;
    }

    /** A gateway configuration admitting every simulated camera. */
    public static GatewayConfig gatewayConfig(
            long seed, List<SimCamera> cameras, int port, long ratePerCameraPerSecond) {
        List<GatewayConfig.CameraEntry> entries =
                cameras.stream().map(camera -> entry(seed, camera)).toList();
        return new GatewayConfig(
                "127.0.0.1", port, 0, ratePerCameraPerSecond, 0, null, null, entries);
    }

    private static GatewayConfig.CameraEntry entry(long seed, SimCamera camera) {
        return new GatewayConfig.CameraEntry(
                camera.id(),
                CameraDirectory.sha256Hex(token(seed, camera.id())),
                camera.siteId(),
                camera.organisationId(),
                camera.lat(),
                camera.lon(),
                Set.of(Integer.toString(camera.openAlprId())),
                "NZ",
                null);
    }

    /** Cameras by id. */
    public static Map<String, SimCamera> byId(List<SimCamera> cameras) {
        return cameras.stream().collect(Collectors.toMap(SimCamera::id, Function.identity()));
    }
}
