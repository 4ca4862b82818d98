package io.platewatch.hotlist;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Flag ids derived from what identifies a hotlist entry: its owner, plate and region. Importing the
 * same entry again gives the same id, so it updates the flag instead of adding a second one.
 */
public final class FlagIds {
    private FlagIds() {}

    /** A name-based (version 3) UUID of owner, normalised plate and region. */
    public static String of(String ownerOrganisationId, String plate, String region) {
        String name = ownerOrganisationId + "|" + plate + "|" + (region == null ? "" : region);
        return "flag-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
