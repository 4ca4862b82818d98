package io.platewatch.gateway;

/**
 * A message the gateway refuses, with the HTTP status to answer and a reason the sender can act on.
 * The message names fields and limits, never their values, so no plate text leaves through it.
 */
public final class IngestException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public IngestException(int status, String code, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400: the body is not the shape any supported format expects. */
    public static IngestException malformed(String field, String message) {
        return new IngestException(400, "malformed", field, message);
    }

    /** 400: a field every read needs is absent or empty. */
    public static IngestException missing(String field) {
        return new IngestException(400, "missing_field", field, field + " is required");
    }

    /** 422: the message parses but a value cannot be true (coordinates, times, ranges). */
    public static IngestException impossible(String field, String message) {
        return new IngestException(422, "invalid_value", field, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The offending field as a JSON path, or null when the problem is the whole message. */
    public String field() {
        return field;
    }
}
