package io.platewatch.alerting;

import io.platewatch.schemas.MatchKind;

/**
 * A read that matched a flag, before the cooldown decides whether it becomes an alert. Carries the
 * compact read and flag so the alert can be built without another lookup.
 */
public class Match {

    public CompactRead read;
    public CompactFlag flag;
    public MatchKind kind;
    public int foldedDifferences;

    /** The read was captured before the flag's validFrom: a lead, not a live sighting. */
    public boolean historical;

    /** Match key of the read copy that matched (the main plate's key for wildcard matches). */
    public String matchKey;

    /** The normalised string that matched: the main plate or one alternative reading. */
    public String matchedPlate;

    public Match() {}

    public Match(
            CompactRead read,
            CompactFlag flag,
            MatchKind kind,
            int foldedDifferences,
            boolean historical,
            String matchKey,
            String matchedPlate) {
        this.read = read;
        this.flag = flag;
        this.kind = kind;
        this.foldedDifferences = foldedDifferences;
        this.historical = historical;
        this.matchKey = matchKey;
        this.matchedPlate = matchedPlate;
    }

    /** Cooldown key: flag and site together, never the site alone. */
    public String cooldownKey() {
        return flag.flagId + '\u001f' + read.siteId;
    }

    @Override
    public String toString() {
        return "Match{" + read + ", " + flag + ", " + kind + ", historical=" + historical + "}";
    }
}
