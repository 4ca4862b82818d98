package io.platewatch.cassandra;

/**
 * The Cassandra sink cannot go on: a write failed for a reason retrying will not fix (bad
 * statement, missing keyspace or table, wrong credentials), or Cassandra stayed unreachable for the
 * whole retry budget. The message says what to fix; it names statements and tables, never values.
 */
public class CassandraSinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CassandraSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
