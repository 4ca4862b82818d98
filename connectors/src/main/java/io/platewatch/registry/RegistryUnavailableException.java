package io.platewatch.registry;

/**
 * The registry could not be reached or kept failing (connect failure, timeout, 5xx, 429) after
 * every retry. The call may succeed later: nothing is wrong with the request itself.
 */
public class RegistryUnavailableException extends RegistryException {
    public RegistryUnavailableException(
            String operation, int httpStatus, int errorCode, String message) {
        super(operation, httpStatus, errorCode, message);
    }

    public RegistryUnavailableException(String operation, String message, Throwable cause) {
        super(operation, NONE, NONE, message, cause);
    }
}
