package io.platewatch.elasticsearch;

/** The sink cannot go on; the message says what to fix. */
public final class ElasticsearchSinkException extends RuntimeException {

    public ElasticsearchSinkException(String message) {
        super(message);
    }

    public ElasticsearchSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
