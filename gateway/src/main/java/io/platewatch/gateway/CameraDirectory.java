package io.platewatch.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates cameras by bearer token. Only SHA-256 hashes of tokens are held, so a leaked
 * configuration file does not let anyone post reads.
 */
public final class CameraDirectory {
    private final Map<String, Camera> byTokenHash;

    public CameraDirectory(Map<String, Camera> byTokenHash) {
        this.byTokenHash = Map.copyOf(byTokenHash);
    }

    /** Builds the directory from configured cameras; two cameras sharing a token is an error. */
    public static CameraDirectory of(List<GatewayConfig.CameraEntry> entries) {
        Map<String, Camera> map = new HashMap<>();
        for (GatewayConfig.CameraEntry entry : entries) {
            String hash = entry.tokenSha256().toLowerCase(Locale.ROOT);
            if (map.put(hash, entry.toCamera()) != null) {
                throw new IllegalArgumentException(
                        "two cameras share one token; camera " + entry.id() + " needs its own");
            }
        }
        return new CameraDirectory(map);
    }

    /** The camera holding {@code token}, if any. */
    public Optional<Camera> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTokenHash.get(sha256Hex(token.strip())));
    }

    /** Reads an Authorization header: "Bearer t" and Plate Recognizer's "Token t" both work. */
    public static String tokenFrom(String authorizationHeader) {
        if (authorizationHeader == null) {
            return null;
        }
        String header = authorizationHeader.strip();
        for (String scheme : List.of("Bearer ", "Token ")) {
            if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return header.substring(scheme.length()).strip();
            }
        }
        return null;
    }

    /** Lower-case hex SHA-256 of a token, the form the configuration file stores. */
    public static String sha256Hex(String token) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }

    public int size() {
        return byTokenHash.size();
    }
}
