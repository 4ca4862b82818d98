package io.platewatch.registry;

/** The subject has no schema registered (registry error 40401). */
public class SubjectNotFoundException extends RegistryException {
    private final String subject;

    public SubjectNotFoundException(
            String operation, String subject, int httpStatus, int errorCode, String message) {
        super(operation, httpStatus, errorCode, message);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
