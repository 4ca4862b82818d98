package io.platewatch.registry;

/** The subject exists but has no such version (registry error 40402). */
public class VersionNotFoundException extends RegistryException {
    public VersionNotFoundException(
            String operation, int httpStatus, int errorCode, String message) {
        super(operation, httpStatus, errorCode, message);
    }
}
