package io.platewatch.alerting;

import java.util.Arrays;
import java.util.Objects;

/**
 * A read as seen by one match key. A read goes to the key of its main plate and to the key of every
 * alternative OCR reading whose key differs, once per distinct key; each copy carries the strings
 * that produced that key, so inside the key the classifier knows whether the main plate or only a
 * candidate can match. A flag lives under exactly one key, so each (read, flag) pair meets at most
 * once.
 */
public class KeyedRead {

    public String matchKey;
    public CompactRead read;

    /** The normalised main plate when its key is this key; null when only candidates led here. */
    public String mainPlate;

    /** Normalised candidates whose key is this key. */
    public String[] candidatePlates = new String[0];

    /**
     * True on the copy sent to the main plate's key: per-read counts (late reads) are taken on that
     * copy only, so a read fanned out to three keys counts once.
     */
    public boolean primary;

    public KeyedRead() {}

    public KeyedRead(
            String matchKey,
            CompactRead read,
            String mainPlate,
            String[] candidatePlates,
            boolean primary) {
        this.matchKey = matchKey;
        this.read = read;
        this.mainPlate = mainPlate;
        this.candidatePlates = candidatePlates;
        this.primary = primary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyedRead k
                && primary == k.primary
                && Objects.equals(matchKey, k.matchKey)
                && Objects.equals(read, k.read)
                && Objects.equals(mainPlate, k.mainPlate)
                && Arrays.equals(candidatePlates, k.candidatePlates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(matchKey, read);
    }

    @Override
    public String toString() {
        return "KeyedRead{" + read + ", primary=" + primary + "}";
    }
}
