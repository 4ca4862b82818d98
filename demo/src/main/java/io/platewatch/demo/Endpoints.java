package io.platewatch.demo;

import java.util.Optional;

/**
 * Where the running servers answer. The optional servers are empty when they are not part of the
 * run (not asked for, or they failed to start).
 *
 * @param bootstrapServers Kafka, {@code 127.0.0.1:<port>}
 * @param registryUrl the registry's Confluent API
 * @param cassandraContactPoint Cassandra's CQL address, {@code 127.0.0.1:<port>}
 * @param cassandraKeyspace keyspace of the retention store
 * @param elasticsearchUrl Elasticsearch, {@code http://127.0.0.1:<port>}
 */
public record Endpoints(
        String bootstrapServers,
        String registryUrl,
        Optional<String> cassandraContactPoint,
        String cassandraKeyspace,
        Optional<String> elasticsearchUrl) {}
