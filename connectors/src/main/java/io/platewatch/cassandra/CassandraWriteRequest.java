package io.platewatch.cassandra;

import java.io.Serializable;
import java.util.List;

/**
 * The writes one stream element turns into (a read goes to two tables, an alert to one row per
 * organisation of its audience). The request succeeds when every write has; a retry repeats all of
 * them, which is safe because every write is an upsert or delete by primary key. An empty request
 * writes nothing.
 */
public record CassandraWriteRequest(List<CassandraMutation> mutations) implements Serializable {

    private static final long serialVersionUID = 1L;

    public CassandraWriteRequest {
        mutations = List.copyOf(mutations);
    }

    /** A rough size for the sink's byte limits: statement text plus 16 bytes per value. */
    public long estimatedSizeInBytes() {
        long size = 0;
        for (CassandraMutation mutation : mutations) {
            size += mutation.cql().length() + 16L * (mutation.values().size() + 1);
        }
        return size;
    }
}
