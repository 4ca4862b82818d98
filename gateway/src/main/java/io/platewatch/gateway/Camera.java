package io.platewatch.gateway;

import io.platewatch.schemas.GeoPoint;
import java.net.URI;
import java.util.Set;

/**
 * A camera known to the gateway: where it stands and who runs it. The gateway takes site and
 * organisation from here rather than from messages, so a camera cannot post reads for a site it is
 * not installed at.
 *
 * @param id our camera id, used in Kafka keys and reads
 * @param siteId site the camera is installed at
 * @param organisationId organisation that operates it
 * @param position fixed position, used when a message carries no GPS fix; null if the camera moves
 * @param vendorIds camera ids the vendor software uses for this camera (OpenALPR's numeric id, the
 *     Plate Recognizer camera name); a message naming another camera is refused
 * @param defaultRegion plate region assumed when the engine reports none; null for none
 * @param imageBaseUri where the camera network serves images, resolved against a message's image
 *     name; null when images are not reachable
 */
public record Camera(
        String id,
        String siteId,
        String organisationId,
        GeoPoint position,
        Set<String> vendorIds,
        String defaultRegion,
        URI imageBaseUri) {

    public Camera {
        vendorIds = vendorIds == null ? Set.of() : Set.copyOf(vendorIds);
    }

    /** True when a camera id found in a message names this camera. */
    public boolean answersTo(String messageCameraId) {
        return id.equals(messageCameraId) || vendorIds.contains(messageCameraId);
    }

    /** The URI of an image the camera network stores under {@code name}, or null. */
    public String imageUri(String name) {
        if (imageBaseUri == null || name == null || name.isBlank()) {
            return null;
        }
        String relative = name.startsWith("/") ? name.substring(1) : name;
        return imageBaseUri.resolve(relative.replace(" ", "%20")).toString();
    }
}
