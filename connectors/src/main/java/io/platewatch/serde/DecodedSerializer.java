package io.platewatch.serde;

import io.platewatch.schemas.DeadLetter;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer of {@link Decoded}: a flag byte, then the record or the dead letter. */
public final class DecodedSerializer<T extends SpecificRecord> extends TypeSerializer<Decoded<T>> {

    private static final long serialVersionUID = 1L;
    private static final byte RECORD = 1;
    private static final byte DEAD_LETTER = 0;

    private final TypeSerializer<T> recordSerializer;
    private final TypeSerializer<DeadLetter> deadLetterSerializer;

    DecodedSerializer(
            TypeSerializer<T> recordSerializer, TypeSerializer<DeadLetter> deadLetterSerializer) {
        this.recordSerializer = recordSerializer;
        this.deadLetterSerializer = deadLetterSerializer;
    }

    TypeSerializer<T> recordSerializer() {
        return recordSerializer;
    }

    TypeSerializer<DeadLetter> deadLetterSerializer() {
        return deadLetterSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Decoded<T>> duplicate() {
        return new DecodedSerializer<>(
                recordSerializer.duplicate(), deadLetterSerializer.duplicate());
    }

    @Override
    public Decoded<T> createInstance() {
        return Decoded.of(recordSerializer.createInstance());
    }

    @Override
    public Decoded<T> copy(Decoded<T> from) {
        return from.isRecord()
                ? Decoded.of(recordSerializer.copy(from.record()))
                : Decoded.failed(deadLetterSerializer.copy(from.deadLetter()));
    }

    @Override
    public Decoded<T> copy(Decoded<T> from, Decoded<T> reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Decoded<T> value, DataOutputView target) throws IOException {
        if (value.isRecord()) {
            target.writeByte(RECORD);
            recordSerializer.serialize(value.record(), target);
        } else {
            target.writeByte(DEAD_LETTER);
            deadLetterSerializer.serialize(value.deadLetter(), target);
        }
    }

    @Override
    public Decoded<T> deserialize(DataInputView source) throws IOException {
        return source.readByte() == RECORD
                ? Decoded.of(recordSerializer.deserialize(source))
                : Decoded.failed(deadLetterSerializer.deserialize(source));
    }

    @Override
    public Decoded<T> deserialize(Decoded<T> reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        byte flag = source.readByte();
        target.writeByte(flag);
        if (flag == RECORD) {
            recordSerializer.copy(source, target);
        } else {
            deadLetterSerializer.copy(source, target);
        }
    }

    @Override
    public TypeSerializerSnapshot<Decoded<T>> snapshotConfiguration() {
        return new DecodedSerializerSnapshot<>(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecodedSerializer<?> that
                && recordSerializer.equals(that.recordSerializer)
                && deadLetterSerializer.equals(that.deadLetterSerializer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordSerializer, deadLetterSerializer);
    }
}
