package io.platewatch.hotlist;

import java.util.List;

/**
 * What an import did, row by row. Row numbers count the header as row 1, as a spreadsheet shows
 * them. Reasons name columns and rules, never plates.
 *
 * @param rows data rows read
 * @param added rows that created a flag
 * @param updated rows that replaced an existing flag
 * @param rejected rows refused, with why
 * @param notStored rows valid but not acknowledged by Kafka
 * @param ignoredColumns headers that match no known column
 */
public record ImportReport(
        int rows,
        int added,
        int updated,
        List<Rejection> rejected,
        List<Rejection> notStored,
        List<String> ignoredColumns) {

    /** One refused row. */
    public record Rejection(long row, String reason) {}

    /** True when every row became a stored flag event. */
    public boolean clean() {
        return rejected.isEmpty() && notStored.isEmpty();
    }
}
