package io.platewatch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The character confusions OCR engines make on plates: 0/O, 1/I, 5/S, 8/B, 2/Z, 6/G. A misread
 * swaps one such character for its look-alike.
 */
public final class LookAlikes {
    public static final Map<Character, Character> PAIRS =
            Map.ofEntries(
                    Map.entry('0', 'O'),
                    Map.entry('O', '0'),
                    Map.entry('1', 'I'),
                    Map.entry('I', '1'),
                    Map.entry('5', 'S'),
                    Map.entry('S', '5'),
                    Map.entry('8', 'B'),
                    Map.entry('B', '8'),
                    Map.entry('2', 'Z'),
                    Map.entry('Z', '2'),
                    Map.entry('6', 'G'),
                    Map.entry('G', '6'));

    private LookAlikes() {}

    /** True when the plate has a character OCR can confuse. */
    public static boolean canMisread(String plate) {
        return plate.chars().anyMatch(c -> PAIRS.containsKey((char) c));
    }

    /** The plate with one confusable character, chosen at random, swapped; or unchanged. */
    public static String misread(String plate, Random random) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < plate.length(); i++) {
            if (PAIRS.containsKey(plate.charAt(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return plate;
        }
        int at = positions.get(random.nextInt(positions.size()));
        char[] chars = plate.toCharArray();
        chars[at] = PAIRS.get(chars[at]);
        return new String(chars);
    }

    /** True when {@code read} differs from {@code truth} only by look-alike swaps. */
    public static boolean isLookAlikeOf(String read, String truth) {
        if (read.length() != truth.length() || read.equals(truth)) {
            return false;
        }
        for (int i = 0; i < read.length(); i++) {
            char r = read.charAt(i);
            char t = truth.charAt(i);
            if (r != t && PAIRS.get(t) == null) {
                return false;
            }
            if (r != t && PAIRS.get(t) != r) {
                return false;
            }
        }
        return true;
    }
}
