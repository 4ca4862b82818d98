package io.platewatch.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Where the sink's driver session connects: contact points ({@code host:port}), the local data
 * centre, the keyspace, and the per-request timeout. The driver reconnects to a node that comes
 * back with a delay capped at {@code reconnectMaxDelay}, so writes resume soon after an outage.
 */
public record CassandraConnectionConfig(
        List<String> contactPoints,
        String localDatacenter,
        String keyspace,
        Duration requestTimeout,
        Duration reconnectMaxDelay)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public CassandraConnectionConfig {
        contactPoints = List.copyOf(contactPoints);
        if (contactPoints.isEmpty()) {
            throw new IllegalArgumentException("at least one Cassandra contact point is needed");
        }
    }

    /** One contact point with the defaults: data centre "datacenter1", 5 s requests. */
    public static CassandraConnectionConfig of(String contactPoint, String keyspace) {
        return new CassandraConnectionConfig(
                List.of(contactPoint),
                "datacenter1",
                keyspace,
                Duration.ofSeconds(5),
                Duration.ofSeconds(2));
    }

    /** Opens a session on the keyspace; blocks until connected or throws. */
    public CqlSession openSession() {
        DriverConfigLoader config =
                DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
                        .withDuration(
                                DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, requestTimeout)
                        .withDuration(
                                DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, requestTimeout)
                        .withDuration(
                                DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
                        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, reconnectMaxDelay)
                        // Two connections of 1024 streams each: room for the sink's in-flight
                        // writes of several subtasks sharing this session.
                        .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 2)
                        .withBoolean(DefaultDriverOption.PREPARE_ON_ALL_NODES, true)
                        .withBoolean(DefaultDriverOption.REPREPARE_ENABLED, true)
                        .build();
        CqlSessionBuilder builder =
                CqlSession.builder()
                        .withLocalDatacenter(localDatacenter)
                        .withKeyspace(keyspace)
                        .withConfigLoader(config);
        for (String contactPoint : contactPoints) {
            builder.addContactPoint(address(contactPoint));
        }
        return builder.build();
    }

    private static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "Cassandra contact point must be host:port, got '" + hostAndPort + "'");
        }
        return new InetSocketAddress(
                hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
