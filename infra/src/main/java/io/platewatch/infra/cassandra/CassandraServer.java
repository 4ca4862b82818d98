package io.platewatch.infra.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import io.platewatch.infra.process.Ports;
import io.platewatch.infra.stack.JvmServer;
import io.platewatch.infra.stack.StackConfig;
import io.platewatch.infra.stack.StackListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Cassandra 5.0 node, run as a child JVM on loopback with a generated configuration and its
 * own classpath (never mixed with ours). It answers when the CQL port accepts and a driver session
 * reads {@code release_version} from {@code system.local}. Provisioning applies the versioned CQL
 * schema files. Stop is SIGTERM, so the node drains its commit log, then a kill after the stop
 * bound; starting again reuses the data folder, which is how tests simulate an outage.
 *
 * <p>Settings (stack properties): {@code cassandra.port} (9042), {@code cassandra.storage.port}
 * (7000), {@code cassandra.jmx.port} (7199), {@code cassandra.heap} (1G), {@code
 * cassandra.java.home} (must be a Java 17 home), {@code cassandra.keyspace} (platewatch) and {@code
 * cassandra.replication} (SimpleStrategy with one replica).
 */
public final class CassandraServer extends JvmServer {

    public static final String NAME = "cassandra";

    /** Name the SimpleSnitch gives the single data centre; drivers must use it as local DC. */
    public static final String LOCAL_DATACENTER = "datacenter1";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DDL_SESSION_TIMEOUT = Duration.ofSeconds(30);

    private final CassandraPorts nodePorts;

    public CassandraServer(StackConfig config) {
        this(config, CassandraPorts.from(config));
    }

    private CassandraServer(StackConfig config, CassandraPorts ports) {
        super(NAME, config, ports.byRole());
        this.nodePorts = ports;
    }

    /** The address a driver connects to. */
    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(Ports.HOST, port("client"));
    }

    /** The CQL contact point, {@code 127.0.0.1:<port>}. */
    @Override
    public String endpoint() {
        return Ports.HOST + ":" + port("client");
    }

    /** Keyspace the schema is applied to. */
    public String keyspace() {
        return config().get("cassandra.keyspace", CqlSchema.DEFAULT_KEYSPACE);
    }

    @Override
    protected void prepare() throws IOException {
        CassandraYaml.write(dir(), Ports.HOST, nodePorts);
    }

    @Override
    protected List<String> command() {
        Path yaml = dir().resolve("cassandra.yaml");
        return CassandraJvm.command(
                config().javaHome(NAME),
                dir().toAbsolutePath(),
                nodePorts,
                config().heap(NAME, "1G"),
                extraJvmArgs(),
                yaml);
    }

    @Override
    protected boolean answers() {
        if (!Ports.accepts(port("client"), 500)) {
            return false;
        }
        try (CqlSession session = session(PROBE_TIMEOUT)) {
            Row row = session.execute("SELECT release_version FROM system.local").one();
            return row != null && row.getString("release_version") != null;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Applies the CQL schema files not yet applied; safe on every {@code up}. */
    @Override
    public void provision(StackListener listener) {
        CqlSchema schema =
                new CqlSchema(
                        keyspace(),
                        config().get("cassandra.replication", CqlSchema.LOCAL_REPLICATION));
        try (CqlSession session = session(DDL_SESSION_TIMEOUT)) {
            List<Integer> applied = schema.apply(session);
            listener.provisioned(
                    NAME, "keyspace " + keyspace() + ", " + applied.size() + " new schema file(s)");
        }
    }

    /** A driver session on the node, without a keyspace; the caller closes it. */
    public CqlSession session(Duration requestTimeout) {
        DriverConfigLoader driverConfig =
                DriverConfigLoader.programmaticBuilder()
                        .withDuration(
                                DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, requestTimeout)
                        .withDuration(
                                DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, requestTimeout)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
                        .build();
        return CqlSession.builder()
                .addContactPoint(contactPoint())
                .withLocalDatacenter(LOCAL_DATACENTER)
                .withConfigLoader(driverConfig)
                .build();
    }
}
