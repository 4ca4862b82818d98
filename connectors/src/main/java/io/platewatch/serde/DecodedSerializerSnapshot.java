package io.platewatch.serde;

import io.platewatch.schemas.DeadLetter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Savepoint form of a {@link DecodedSerializer}: the snapshots of its two nested serializers. */
public final class DecodedSerializerSnapshot<T extends SpecificRecord>
        extends CompositeTypeSerializerSnapshot<Decoded<T>, DecodedSerializer<T>> {

    private static final int VERSION = 1;

    /** For Flink, which reads the nested snapshots on restore. */
    public DecodedSerializerSnapshot() {}

    DecodedSerializerSnapshot(DecodedSerializer<T> serializer) {
        super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
        return VERSION;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(DecodedSerializer<T> outer) {
        return new TypeSerializer<?>[] {outer.recordSerializer(), outer.deadLetterSerializer()};
    }

    @Override
    @SuppressWarnings("unchecked")
    protected DecodedSerializer<T> createOuterSerializerWithNestedSerializers(
            TypeSerializer<?>[] nested) {
        return new DecodedSerializer<>(
                (TypeSerializer<T>) nested[0], (TypeSerializer<DeadLetter>) nested[1]);
    }
}
