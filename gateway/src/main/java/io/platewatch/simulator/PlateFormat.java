package io.platewatch.simulator;

import java.util.Random;
import java.util.regex.Pattern;

/**
 * Plate formats by region, each a current standard issue: NZ "ABC123", New South Wales "AB12CD",
 * Great Britain "AB12CDE" and California "1ABC234". Generated plates are random, so any match with
 * a real vehicle is chance.
 */
public enum PlateFormat {
    NZ("NZ", "LLLDDD", "[A-Z]{3}[0-9]{3}"),
    AU_NSW("AU-NSW", "LLDDLL", "[A-Z]{2}[0-9]{2}[A-Z]{2}"),
    GB("GB", "LLDDLLL", "[A-Z]{2}[0-9]{2}[A-Z]{3}"),
    US_CA("US-CA", "DLLLDDD", "[1-9][A-Z]{3}[0-9]{3}");

    /** Letters used on plates; I, O and Q are left out, as most issuers do. */
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private final String region;
    private final String layout;
    private final Pattern pattern;

    PlateFormat(String region, String layout, String pattern) {
        this.region = region;
        this.layout = layout;
        this.pattern = Pattern.compile(pattern);
    }

    public String region() {
        return region;
    }

    /** A regex every plate of this format matches. */
    public Pattern pattern() {
        return pattern;
    }

    public String generate(Random random) {
        StringBuilder plate = new StringBuilder(layout.length());
        for (int i = 0; i < layout.length(); i++) {
            boolean first = i == 0;
            if (layout.charAt(i) == 'L') {
                plate.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            } else if (first) {
                plate.append((char) ('1' + random.nextInt(9)));
            } else {
                plate.append((char) ('0' + random.nextInt(10)));
            }
        }
        return plate.toString();
    }

    /** The format of a region code, or null. */
    public static PlateFormat ofRegion(String region) {
        for (PlateFormat format : values()) {
            if (format.region.equals(region)) {
                return format;
            }
        }
        return null;
    }
}
