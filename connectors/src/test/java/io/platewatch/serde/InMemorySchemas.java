package io.platewatch.serde;

import io.platewatch.registry.SchemaNotFoundException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Schema ids held in memory, for unit tests of byte-level rules and for benchmarks of the warm path
 * (where encoder and decoder have cached their ids and never call a resolver). The real registry is
 * exercised by the integration tests.
 */
final class InMemorySchemas implements SchemaResolver {

    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();

    InMemorySchemas with(int id, Schema schema) {
        byId.put(id, schema);
        return this;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return byId.entrySet().stream()
                .filter(entry -> entry.getValue().equals(schema))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("schema not held: " + schema.getName()));
    }

    @Override
    public Schema schemaOf(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException(
                    "get schema id " + id, id, 404, 40403, "Schema not found");
        }
        return schema;
    }
}
