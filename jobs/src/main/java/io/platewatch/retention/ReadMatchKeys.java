package io.platewatch.retention;

import io.platewatch.alerting.LookAlikeFolding;
import io.platewatch.alerting.PlateNormaliser;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The match keys a read is filed under in {@code reads_by_vehicle}: its main plate's, then those of
 * alternative OCR readings that fold to a different key, with the same normalisation and folding as
 * the alerting job, so an evidence link's match key always names a stored row. A read whose main
 * plate does not normalise has no vehicle key at all (it is still stored by site).
 */
public final class ReadMatchKeys implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PlateNormaliser normaliser;
    private final LookAlikeFolding folding;

    public ReadMatchKeys(PlateNormaliser normaliser, LookAlikeFolding folding) {
        this.normaliser = normaliser;
        this.folding = folding;
    }

    /** Key to "is it a candidate key", main key first; empty when the plate is not a plate. */
    public Map<String, Boolean> of(PlateRead read) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        PlateNormaliser.Result main = normaliser.normalise(read.getPlate());
        if (!main.isValid()) {
            return keys;
        }
        keys.put(folding.matchKey(main.plate()), false);
        for (PlateCandidate candidate : read.getCandidates()) {
            PlateNormaliser.Result alternative = normaliser.normalise(candidate.getPlate());
            if (alternative.isValid()) {
                keys.putIfAbsent(folding.matchKey(alternative.plate()), true);
            }
        }
        return keys;
    }

    /** Match key of a flag's plate or wildcard pattern; null when it is neither. */
    public String ofFlagPlate(String plate) {
        PlateNormaliser.Result result =
                PlateNormaliser.isPattern(plate)
                        ? normaliser.normalisePattern(plate)
                        : normaliser.normalise(plate);
        return result.isValid() ? folding.matchKey(result.plate()) : null;
    }
}
