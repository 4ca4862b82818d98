package io.platewatch.infra.stack;

/**
 * A server could not be brought up: a port was taken, the process exited, or it did not answer in
 * time. The message names the server and carries the tail of its log.
 */
public class ServerStartException extends RuntimeException {

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
