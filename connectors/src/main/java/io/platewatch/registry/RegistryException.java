package io.platewatch.registry;

/**
 * A registry call that did not succeed. It carries the HTTP status and the registry's own error
 * code and message, so callers can tell a missing subject from an incompatible schema; it never
 * carries record content, only subjects, schema ids and what the registry said.
 */
public class RegistryException extends RuntimeException {

    /** Registry messages are cut to this length: they can echo a whole schema. */
    private static final int MAX_REGISTRY_MESSAGE = 300;

    /** Marks an unknown status or error code. */
    public static final int NONE = -1;

    private final int httpStatus;
    private final int errorCode;
    private final String registryMessage;

    public RegistryException(
            String operation, int httpStatus, int errorCode, String registryMessage) {
        this(operation, httpStatus, errorCode, registryMessage, null);
    }

    public RegistryException(
            String operation,
            int httpStatus,
            int errorCode,
            String registryMessage,
            Throwable cause) {
        super(describe(operation, httpStatus, errorCode, shorten(registryMessage)), cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = shorten(registryMessage);
    }

    /** HTTP status of the answer, or {@link #NONE} when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's error code (40401, 409, 42201...), or {@link #NONE}. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's message, shortened, or an empty string. */
    public String registryMessage() {
        return registryMessage;
    }

    private static String describe(String operation, int status, int code, String message) {
        StringBuilder text = new StringBuilder(operation);
        if (status != NONE) {
            text.append(": HTTP ").append(status);
        }
        if (code != NONE) {
            text.append(", registry error ").append(code);
        }
        if (!message.isEmpty()) {
            text.append(": ").append(message);
        }
        return text.toString();
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_REGISTRY_MESSAGE
                ? message
                : message.substring(0, MAX_REGISTRY_MESSAGE) + "...";
    }
}
