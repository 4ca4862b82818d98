package io.platewatch.serde;

/**
 * What a Flink source does with a record whose writer schema cannot be fetched because the registry
 * is down, after the client's retries are spent.
 */
public enum RegistryOutagePolicy {
    /**
     * Fail the task, so Flink restarts it from the last checkpoint with its restart strategy's
     * backoff and reads the same records again once the registry is back. Nothing is lost and
     * nothing needs replaying by hand. The default: an outage is not a fault of the record.
     */
    FAIL,

    /**
     * Emit a REGISTRY_UNAVAILABLE dead letter and go on. The job keeps running through the outage,
     * but every record with a schema id not cached yet lands in the dead-letter topic and must be
     * replayed from there.
     */
    DEAD_LETTER
}
