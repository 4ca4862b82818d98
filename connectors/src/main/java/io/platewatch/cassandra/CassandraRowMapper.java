package io.platewatch.cassandra;

import java.io.Serializable;
import java.util.List;

/**
 * Maps one stream element to the CQL writes that store it. Implementations hold the table design
 * (statements, keys, retention); the sink only runs them.
 */
@FunctionalInterface
public interface CassandraRowMapper<T> extends Serializable {

    List<CassandraMutation> mutations(T element);
}
