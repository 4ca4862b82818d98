package io.platewatch.gateway;

import java.util.Locale;
import java.util.regex.Pattern;

/** Plate regions as ISO 3166 codes, the form every topic carries. */
public final class Regions {
    private static final Pattern ISO = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    private Regions() {}

    /**
     * A vendor or user region code as ISO 3166 ("us-ca" to "US-CA", "nz" to "NZ"), or null when it
     * has another shape. OpenALPR's European codes carry an "eu-" prefix before the country, which
     * is dropped.
     */
    public static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        if (upper.startsWith("EU-")) {
            upper = upper.substring(3);
        }
        return ISO.matcher(upper).matches() ? upper : null;
    }
}
