package io.platewatch.alerting;

import java.io.Serializable;
import java.text.Normalizer;

/**
 * Turns plate text as an OCR engine or an operator wrote it into the one form matching compares:
 * NFKC Unicode normalisation (full-width and compatibility characters become plain ones), spaces,
 * dashes and dots removed, upper case. What is left must be 1 to {@code maxLength} ASCII letters
 * and digits, or the text cannot be a plate and is rejected.
 *
 * <p>Rejection reasons never quote the text: they go to dead letters, logs and metrics, where a
 * plate must not appear.
 */
public final class PlateNormaliser implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int maxLength;
    private final int minPatternKnownCharacters;

    public PlateNormaliser(int maxLength, int minPatternKnownCharacters) {
        this.maxLength = maxLength;
        this.minPatternKnownCharacters = minPatternKnownCharacters;
    }

    /** Outcome of normalising one text: either a plate or a reason without the text. */
    public record Result(String plate, String rejection) {
        static Result ok(String plate) {
            return new Result(plate, null);
        }

        static Result rejected(String reason) {
            return new Result(null, reason);
        }

        public boolean isValid() {
            return plate != null;
        }
    }

    /** True when the text holds a wildcard and so names a pattern, not one plate. */
    public static boolean isPattern(String raw) {
        return raw != null && (raw.indexOf('?') >= 0 || raw.indexOf('*') >= 0);
    }

    /** Normalises a plate; wildcard characters are rejected here. */
    public Result normalise(String raw) {
        String text = strip(raw);
        if (text.isEmpty()) {
            return Result.rejected("plate is empty after normalisation");
        }
        if (text.length() > maxLength) {
            return Result.rejected(
                    "plate has " + text.length() + " characters, more than " + maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isAsciiLetterOrDigit(text.charAt(i))) {
                return Result.rejected(
                        "plate has a character that is not an ASCII letter or digit at position "
                                + (i + 1));
            }
        }
        return Result.ok(text.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Normalises a wildcard pattern: '?' stands for one character and '*' for any run. Runs of '*'
     * collapse to one. A pattern needs at least {@code minPatternKnownCharacters} known characters,
     * since a pattern like "*" would alert on every read.
     */
    public Result normalisePattern(String raw) {
        String text = strip(raw).replaceAll("\\*+", "*");
        int known = 0;
        int fixedLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                continue;
            }
            fixedLength++;
            if (c == '?') {
                continue;
            }
            if (!isAsciiLetterOrDigit(c)) {
                return Result.rejected(
                        "pattern has a character that is not an ASCII letter, digit, '?' or '*'"
                                + " at position "
                                + (i + 1));
            }
            known++;
        }
        if (fixedLength > maxLength) {
            return Result.rejected(
                    "pattern fixes " + fixedLength + " characters, more than " + maxLength);
        }
        if (known < minPatternKnownCharacters) {
            return Result.rejected(
                    "pattern has "
                            + known
                            + " known characters, fewer than "
                            + minPatternKnownCharacters);
        }
        return Result.ok(text.toUpperCase(java.util.Locale.ROOT));
    }

    /** Normalises a region code: trimmed and upper case; blank means unknown (null). */
    public static String normaliseRegion(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        return region.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static String strip(String raw) {
        if (raw == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (!isSeparator(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSeparator(char c) {
        return c == '.'
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    // Checked before upper-casing, so text such as a German sharp s cannot turn into "SS".
    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
