package io.platewatch.hotlist;

/** A hotlist row that cannot become a flag; the message names the column, never its plate. */
public final class RowRejected extends RuntimeException {
    public RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
