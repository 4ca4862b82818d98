package io.platewatch.registry;

/**
 * No schema with this id (registry error 40403), or the schema is not registered under the subject
 * of a lookup.
 */
public class SchemaNotFoundException extends RegistryException {
    private final int schemaId;

    public SchemaNotFoundException(
            String operation, int schemaId, int httpStatus, int errorCode, String message) {
        super(operation, httpStatus, errorCode, message);
        this.schemaId = schemaId;
    }

    /** The id asked for, or {@link #NONE} when the lookup was by schema text. */
    public int schemaId() {
        return schemaId;
    }
}
