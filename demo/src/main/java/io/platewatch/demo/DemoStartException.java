package io.platewatch.demo;

/** A part of the demo could not start; the message says which, why and where its log is. */
final class DemoStartException extends RuntimeException {

    DemoStartException(String message) {
        super(message);
    }

    DemoStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
