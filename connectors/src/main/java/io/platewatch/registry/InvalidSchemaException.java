package io.platewatch.registry;

/**
 * The registry refused a schema as invalid (registry error 42201), or returned one that this client
 * cannot use (not Avro, or unparseable).
 */
public class InvalidSchemaException extends RegistryException {
    public InvalidSchemaException(String operation, int httpStatus, int errorCode, String message) {
        super(operation, httpStatus, errorCode, message);
    }

    public InvalidSchemaException(String operation, String message, Throwable cause) {
        super(operation, NONE, NONE, message, cause);
    }
}
