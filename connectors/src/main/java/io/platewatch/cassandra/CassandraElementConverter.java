package io.platewatch.cassandra;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Turns a stream element into the sink's request entry through a {@link CassandraRowMapper}. */
public final class CassandraElementConverter<T>
        implements ElementConverter<T, CassandraWriteRequest> {

    private static final long serialVersionUID = 1L;

    private final CassandraRowMapper<T> mapper;

    public CassandraElementConverter(CassandraRowMapper<T> mapper) {
        this.mapper = mapper;
    }

    @Override
    public CassandraWriteRequest apply(T element, SinkWriter.Context context) {
        return new CassandraWriteRequest(mapper.mutations(element));
    }
}
