package io.platewatch.alerting;

/**
 * Glob matching of a partly known plate against normalised plates: '?' stands for exactly one
 * character and '*' for any run, including an empty one. Both sides are compared in folded form, so
 * a look-alike misread of a known character still matches; how many positions differed by folding
 * is not counted for patterns.
 */
public final class WildcardPattern {

    private WildcardPattern() {}

    /**
     * True when the folded pattern matches the folded plate. Linear-time greedy matching with one
     * backtrack point: the classic algorithm for '?' and '*' globs.
     */
    public static boolean matches(String foldedPattern, String foldedPlate) {
        int p = 0;
        int s = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (s < foldedPlate.length()) {
            if (p < foldedPattern.length()
                    && (foldedPattern.charAt(p) == '?'
                            || foldedPattern.charAt(p) == foldedPlate.charAt(s))) {
                p++;
                s++;
            } else if (p < foldedPattern.length() && foldedPattern.charAt(p) == '*') {
                starAt = p++;
                resumeAt = s;
            } else if (starAt >= 0) {
                p = starAt + 1;
                s = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < foldedPattern.length() && foldedPattern.charAt(p) == '*') {
            p++;
        }
        return p == foldedPattern.length();
    }
}
