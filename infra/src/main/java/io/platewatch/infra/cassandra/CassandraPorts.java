package io.platewatch.infra.cassandra;

import io.platewatch.infra.stack.StackConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node's three loopback ports, from the stack configuration: {@code cassandra.port} (CQL, the
 * one clients use), {@code cassandra.storage.port} (inter-node; unused by one node, but it must not
 * collide) and {@code cassandra.jmx.port} (local JMX for nodetool). 0 picks a free port.
 */
record CassandraPorts(int cql, int storage, int jmx) {

    static CassandraPorts from(StackConfig config) {
        return new CassandraPorts(
                config.port("cassandra.port", 9042),
                config.port("cassandra.storage.port", 7000),
                config.port("cassandra.jmx.port", 7199));
    }

    /** By role, the CQL port first. */
    Map<String, Integer> byRole() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("client", cql);
        ports.put("storage", storage);
        ports.put("jmx", jmx);
        return ports;
    }
}
