package io.platewatch.serde;

import io.platewatch.schemas.ErrorKind;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A value that cannot be decoded, with the class of failure and a reason. The reason names sizes,
 * schema ids and schema names, never the content of the value, so it can be logged and stored.
 *
 * <p>It has no stack trace: bad records are expected input, and thousands of them must stay cheap.
 */
public final class DecodeException extends SerializationException {

    private final ErrorKind kind;

    public DecodeException(ErrorKind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public DecodeException(ErrorKind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    static DecodeException notWireFormat(String reason) {
        return new DecodeException(ErrorKind.NOT_WIRE_FORMAT, reason);
    }

    static DecodeException undecodable(String reason) {
        return new DecodeException(ErrorKind.UNDECODABLE, reason);
    }

    /** Class of failure, as recorded in the dead letter. */
    public ErrorKind kind() {
        return kind;
    }

    /** The reason, free of record content. */
    public String reason() {
        return getMessage();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
