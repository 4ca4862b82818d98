package io.platewatch.elasticsearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Monthly hot-spot indices, {@code platewatch-hotspots-YYYY.MM} by the UTC month of the window's
 * start, read through the alias {@code platewatch-hotspots}. The index template and the retention
 * command in platewatch-infra use the same names; the end-to-end test checks that they agree.
 */
public final class HotspotIndexNames {

    public static final String PREFIX = "platewatch-hotspots-";

    /** Alias over every monthly index, set by the index template. */
    public static final String ALIAS = "platewatch-hotspots";

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuu.MM").withZone(ZoneOffset.UTC);

    private HotspotIndexNames() {}

    public static String indexFor(long windowStartMillis) {
        return PREFIX + MONTH.format(Instant.ofEpochMilli(windowStartMillis));
    }
}
