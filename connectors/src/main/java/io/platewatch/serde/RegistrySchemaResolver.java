package io.platewatch.serde;

import io.platewatch.registry.RegisteredSchema;
import io.platewatch.registry.RegistryClient;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Resolves schemas through a {@link RegistryClient}. With auto-registration on, a writer's schema
 * is registered under its subject on first use; with it off, the schema must already be registered,
 * which is how production writers should run: schemas are registered by the release process, where
 * the compatibility check can stop a bad change.
 */
public final class RegistrySchemaResolver implements SchemaResolver {

    private final RegistryClient client;
    private final boolean autoRegister;

    public RegistrySchemaResolver(RegistryClient client, boolean autoRegister) {
        this.client = client;
        this.autoRegister = autoRegister;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        if (autoRegister) {
            return client.register(subject, schema);
        }
        return client.lookup(subject, schema)
                .map(RegisteredSchema::id)
                .orElseThrow(
                        () ->
                                new SerializationException(
                                        "schema "
                                                + schema.getFullName()
                                                + " is not registered under subject "
                                                + subject
                                                + " and auto-registration is off: register it"
                                                + " first"));
    }

    @Override
    public Schema schemaOf(int id) {
        return client.schemaById(id);
    }
}
