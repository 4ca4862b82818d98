package io.platewatch.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.HashMap;
import java.util.Map;

/**
 * One driver session per connection configuration and JVM, shared by every sink writer and lookup
 * of a job in that JVM. A session holds connection pools and cluster metadata; one per subtask and
 * sink would multiply both for nothing. Reference counted: the last release closes it.
 */
public final class CassandraSessions {

    private static final Map<CassandraConnectionConfig, Shared> SESSIONS = new HashMap<>();

    private CassandraSessions() {}

    /** The shared session of {@code config}, opened on first use; pair with {@link #release}. */
    public static synchronized CqlSession acquire(CassandraConnectionConfig config) {
        Shared shared = SESSIONS.get(config);
        if (shared == null || shared.session.isClosed()) {
            shared = new Shared(config.openSession());
            SESSIONS.put(config, shared);
        }
        shared.users++;
        return shared.session;
    }

    /** Gives a session back; closes it when no one else uses it. */
    public static synchronized void release(CassandraConnectionConfig config) {
        Shared shared = SESSIONS.get(config);
        if (shared == null) {
            return;
        }
        shared.users--;
        if (shared.users <= 0) {
            SESSIONS.remove(config);
            shared.session.close();
        }
    }

    private static final class Shared {
        private final CqlSession session;
        private int users;

        private Shared(CqlSession session) {
            this.session = session;
        }
    }
}
