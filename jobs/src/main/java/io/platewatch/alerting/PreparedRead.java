package io.platewatch.alerting;

/**
 * A read that passed plate validation: the compact read plus its normalised plate and the
 * normalised, valid, distinct alternative OCR readings (the main plate excluded). One per read.
 */
public class PreparedRead {

    public CompactRead read;

    /** Normalised main plate. */
    public String plate;

    /** Normalised alternative readings, best first; invalid ones are left out. */
    public String[] candidates = new String[0];

    public PreparedRead() {}

    public PreparedRead(CompactRead read, String plate, String[] candidates) {
        this.read = read;
        this.plate = plate;
        this.candidates = candidates;
    }

    @Override
    public String toString() {
        return "PreparedRead{" + read + ", candidates=" + candidates.length + "}";
    }
}
