package io.platewatch.registry;

/** The registry refused a schema that breaks the subject's compatibility rule (HTTP 409). */
public class IncompatibleSchemaException extends RegistryException {
    public IncompatibleSchemaException(
            String operation, int httpStatus, int errorCode, String message) {
        super(operation, httpStatus, errorCode, message);
    }
}
