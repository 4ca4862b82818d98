package io.platewatch.alerting;

import io.platewatch.schemas.MatchKind;
import java.io.Serializable;

/**
 * Decides whether a read and a flag that met under one match key are the same vehicle, and how:
 *
 * <ul>
 *   <li>EXACT: the normalised main plate equals the flag's plate.
 *   <li>LOOK_ALIKE: they differ only at look-alike positions, at most {@code maxFoldDifferences} of
 *       them. Beyond that the pair does not match: folding too many characters turns different
 *       plates into the same key.
 *   <li>CANDIDATE: the main plate does not match, but an alternative OCR reading does, exactly or
 *       look-alike within the same maximum. The fewest differences wins.
 *   <li>WILDCARD: a wildcard flag's pattern matches the folded main plate or a candidate.
 * </ul>
 *
 * Regions are checked here too: the same plate in two regions is two vehicles. A flag without a
 * region matches reads of any region; a read without a region matches any flag when {@code
 * unknownRegionMatchesAny} is set, and only region-less flags otherwise.
 */
public final class MatchClassifier implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LookAlikeFolding folding;
    private final int maxFoldDifferences;
    private final boolean unknownRegionMatchesAny;

    public MatchClassifier(
            LookAlikeFolding folding, int maxFoldDifferences, boolean unknownRegionMatchesAny) {
        this.folding = folding;
        this.maxFoldDifferences = maxFoldDifferences;
        this.unknownRegionMatchesAny = unknownRegionMatchesAny;
    }

    public static MatchClassifier from(AlertingConfig config) {
        return new MatchClassifier(
                config.folding(), config.maxFoldDifferences(), config.unknownRegionMatchesAny());
    }

    /** How a read matched a flag, and through which string. */
    public record Classification(MatchKind kind, int foldedDifferences, String matchedPlate) {}

    /** Classifies a read copy against a plain (non-wildcard) flag; null when they do not match. */
    public Classification classify(KeyedRead read, CompactFlag flag) {
        if (!regionsCompatible(read.read.region, flag.region)) {
            return null;
        }
        if (read.mainPlate != null) {
            int differences = folding.foldedDifferences(read.mainPlate, flag.plate);
            if (differences == 0) {
                return new Classification(MatchKind.EXACT, 0, read.mainPlate);
            }
            if (differences > 0 && differences <= maxFoldDifferences) {
                return new Classification(MatchKind.LOOK_ALIKE, differences, read.mainPlate);
            }
        }
        return bestCandidate(read.candidatePlates, flag.plate);
    }

    /** Classifies a read against a wildcard flag; null when the pattern matches no reading. */
    public Classification classifyWildcard(PreparedRead read, CompactFlag flag) {
        if (!regionsCompatible(read.read.region, flag.region)) {
            return null;
        }
        if (WildcardPattern.matches(flag.matchKey, folding.matchKey(read.plate))) {
            return new Classification(MatchKind.WILDCARD, 0, read.plate);
        }
        for (String candidate : read.candidates) {
            if (WildcardPattern.matches(flag.matchKey, folding.matchKey(candidate))) {
                return new Classification(MatchKind.WILDCARD, 0, candidate);
            }
        }
        return null;
    }

    /** The region rule on its own. */
    public boolean regionsCompatible(String readRegion, String flagRegion) {
        if (flagRegion == null) {
            return true;
        }
        if (readRegion == null) {
            return unknownRegionMatchesAny;
        }
        return readRegion.equals(flagRegion);
    }

    private Classification bestCandidate(String[] candidates, String flagPlate) {
        Classification best = null;
        for (String candidate : candidates) {
            int differences = folding.foldedDifferences(candidate, flagPlate);
            if (differences < 0 || differences > maxFoldDifferences) {
                continue;
            }
            if (best == null || differences < best.foldedDifferences()) {
                best = new Classification(MatchKind.CANDIDATE, differences, candidate);
            }
        }
        return best;
    }
}
