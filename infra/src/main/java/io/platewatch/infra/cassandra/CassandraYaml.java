package io.platewatch.infra.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the configuration of a single local node: cassandra.yaml (ports, folders under the node's
 * home, small memtables and caches so it fits beside the other servers) and a logback.xml that
 * sends the node's log to a file instead of the console. The cassandra-all jar ships neither.
 */
final class CassandraYaml {

    private CassandraYaml() {}

    /** Writes both files under {@code home} and returns the path of cassandra.yaml. */
    static Path write(Path home, String host, CassandraPorts ports) throws IOException {
        Files.createDirectories(home.resolve("logs"));
        Path yaml = home.resolve("cassandra.yaml");
        Files.writeString(yaml, yaml(home.toAbsolutePath(), host, ports));
        Files.writeString(home.resolve("logback.xml"), logback(home.toAbsolutePath()));
        return yaml;
    }

    static String yaml(Path home, String host, CassandraPorts ports) {
        return String.join(
                "\n",
                "# Written by the PlateWatch launcher for one local node; edits are overwritten.",
                "cluster_name: platewatch-local",
                "num_tokens: 1",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "endpoint_snitch: SimpleSnitch",
                "listen_address: " + host,
                "rpc_address: " + host,
                "storage_port: " + ports.storage(),
                "native_transport_port: " + ports.cql(),
                "start_native_transport: true",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"" + host + ":" + ports.storage() + "\"",
                "data_file_directories:",
                "  - " + home.resolve("data"),
                "commitlog_directory: " + home.resolve("commitlog"),
                "hints_directory: " + home.resolve("hints"),
                "saved_caches_directory: " + home.resolve("saved_caches"),
                "cdc_raw_directory: " + home.resolve("cdc_raw"),
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                "commitlog_segment_size: 8MiB",
                "memtable_heap_space: 64MiB",
                "memtable_offheap_space: 64MiB",
                "key_cache_size: 8MiB",
                "row_cache_size: 0MiB",
                "counter_cache_size: 0MiB",
                "prepared_statements_cache_size: 8MiB",
                "concurrent_compactors: 1",
                // Dropping or truncating a table must not leave a snapshot copy behind.
                "auto_snapshot: false",
                // A new cluster needs no 4.x compatibility; without it TTLs may reach past 2038,
                // which five-year evidence written after 2033 needs.
                "storage_compatibility_mode: NONE",
                "authenticator: AllowAllAuthenticator",
                "authorizer: AllowAllAuthorizer",
                "");
    }

    private static String logback(Path home) {
        Path log = home.resolve("logs").resolve("system.log");
        return String.join(
                "\n",
                "<configuration>",
                "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">",
                "    <file>" + log + "</file>",
                "    <encoder><pattern>%d %-5level [%thread] %logger{36} -"
                        + " %msg%n</pattern></encoder>",
                "  </appender>",
                "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>",
                "</configuration>",
                "");
    }
}
