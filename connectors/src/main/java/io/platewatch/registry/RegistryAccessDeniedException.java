package io.platewatch.registry;

/** The registry refused the credentials (HTTP 401) or the operation (HTTP 403). */
public class RegistryAccessDeniedException extends RegistryException {
    public RegistryAccessDeniedException(
            String operation, int httpStatus, int errorCode, String message) {
        super(operation, httpStatus, errorCode, message);
    }
}
