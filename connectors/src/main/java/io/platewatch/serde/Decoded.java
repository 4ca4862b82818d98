package io.platewatch.serde;

import io.platewatch.schemas.DeadLetter;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * What decoding one Kafka record produced: either the record, or the dead letter that says why
 * there is none. {@link DeadLetterRouter} splits a stream of these into records and dead letters.
 *
 * <p>{@link #toString()} names the record's type only: records carry plates.
 */
public final class Decoded<T extends SpecificRecord> {

    private final T record;
    private final DeadLetter deadLetter;

    private Decoded(T record, DeadLetter deadLetter) {
        this.record = record;
        this.deadLetter = deadLetter;
    }

    /** A successfully decoded record. */
    public static <T extends SpecificRecord> Decoded<T> of(T record) {
        return new Decoded<>(Objects.requireNonNull(record, "record"), null);
    }

    /** A value that could not be decoded. */
    public static <T extends SpecificRecord> Decoded<T> failed(DeadLetter deadLetter) {
        return new Decoded<>(null, Objects.requireNonNull(deadLetter, "deadLetter"));
    }

    /** True when this holds a record, false when it holds a dead letter. */
    public boolean isRecord() {
        return record != null;
    }

    /** The record; null for a dead letter. */
    public T record() {
        return record;
    }

    /** The dead letter; null for a record. */
    public DeadLetter deadLetter() {
        return deadLetter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decoded<?> that
                && Objects.equals(record, that.record)
                && Objects.equals(deadLetter, that.deadLetter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(record, deadLetter);
    }

    @Override
    public String toString() {
        return isRecord()
                ? "Decoded[" + record.getSchema().getName() + "]"
                : "Decoded[dead letter " + deadLetter.getErrorKind() + "]";
    }
}
