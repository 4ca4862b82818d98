package io.platewatch.elasticsearch;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One document to index: where, under which id and version, and its JSON source. It is what the
 * sink buffers and checkpoints, so it is small, immutable and serialisable.
 *
 * @param index target index
 * @param id document id; the same logical document always gets the same id, so replays overwrite
 * @param version external version (newer versions win, equal ones are accepted again, older ones
 *     are refused as superseded); -1 for no versioning
 * @param source the document as JSON
 * @param attempt how many times this entry was sent already (retries with backoff count it)
 */
public record IndexRequestEntry(String index, String id, long version, String source, int attempt)
        implements Serializable {

    /** A first attempt. */
    public static IndexRequestEntry of(String index, String id, long version, String source) {
        return new IndexRequestEntry(index, id, version, source, 0);
    }

    /** The same entry, counted as sent once more. */
    public IndexRequestEntry nextAttempt() {
        return new IndexRequestEntry(index, id, version, source, attempt + 1);
    }

    /** Approximate bytes on the wire: the source plus the action line. */
    public long sizeInBytes() {
        return source.getBytes(StandardCharsets.UTF_8).length + index.length() + id.length() + 64L;
    }
}
