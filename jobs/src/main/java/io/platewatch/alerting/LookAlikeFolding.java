package io.platewatch.alerting;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Folds characters that OCR engines confuse (0/O/D/Q, 1/I/L, ...) onto one representative, so a
 * misread plate and the flagged plate share a match key. Both streams are keyed by that key; the
 * classifier then counts how many positions differ only by folding.
 *
 * <p>The table is written as comma-separated classes, e.g. {@code 0ODQ,1IL,2Z,5S,8B,6G}: every
 * character of a class folds to the class's first character. A character may belong to one class
 * only. It applies to normalised plates (ASCII upper case letters and digits); other characters,
 * such as the wildcards '?' and '*', fold to themselves.
 */
public final class LookAlikeFolding implements Serializable {

    private static final long serialVersionUID = 1L;

    private final char[] table;

    private LookAlikeFolding(char[] table) {
        this.table = table;
    }

    /** Parses the class list; throws with the offending class on a bad table. */
    public static LookAlikeFolding parse(String classes) {
        char[] table = new char[128];
        for (char c = 0; c < 128; c++) {
            table[c] = c;
        }
        boolean[] assigned = new boolean[128];
        if (classes == null || classes.isBlank()) {
            return new LookAlikeFolding(table);
        }
        for (String rawClass : classes.split(",")) {
            String members = rawClass.trim().toUpperCase(java.util.Locale.ROOT);
            if (members.length() < 2) {
                throw new IllegalArgumentException(
                        "look-alike class '" + rawClass + "' needs at least two characters");
            }
            char representative = members.charAt(0);
            for (char c : members.toCharArray()) {
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                    throw new IllegalArgumentException(
                            "look-alike class '" + rawClass + "' may hold letters and digits only");
                }
                if (assigned[c]) {
                    throw new IllegalArgumentException(
                            "character '" + c + "' appears in more than one look-alike class");
                }
                assigned[c] = true;
                table[c] = representative;
            }
        }
        return new LookAlikeFolding(table);
    }

    /** The representative of a character's look-alike class. */
    public char fold(char c) {
        return c < 128 ? table[c] : c;
    }

    /** The match key of a normalised plate or pattern: every character folded. */
    public String matchKey(String normalised) {
        char[] out = new char[normalised.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(normalised.charAt(i));
        }
        return new String(out);
    }

    /**
     * Positions where two normalised plates hold different characters of the same look-alike class;
     * -1 when the plates do not fold to the same key (different length, or a position whose
     * characters are not look-alikes).
     */
    public int foldedDifferences(String a, String b) {
        if (a.length() != b.length()) {
            return -1;
        }
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == y) {
                continue;
            }
            if (fold(x) != fold(y)) {
                return -1;
            }
            differences++;
        }
        return differences;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookAlikeFolding other && Arrays.equals(table, other.table);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(table);
    }
}
