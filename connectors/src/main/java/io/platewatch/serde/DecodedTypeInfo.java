package io.platewatch.serde;

import io.platewatch.schemas.DeadLetter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink type information of {@link Decoded}: a record of one Avro class, or a dead letter. */
public final class DecodedTypeInfo<T extends SpecificRecord> extends TypeInformation<Decoded<T>> {

    private final Class<T> recordType;

    private DecodedTypeInfo(Class<T> recordType) {
        this.recordType = recordType;
    }

    public static <T extends SpecificRecord> DecodedTypeInfo<T> forClass(Class<T> recordType) {
        return new DecodedTypeInfo<>(recordType);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Decoded<T>> getTypeClass() {
        return (Class) Decoded.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Decoded<T>> createSerializer(SerializerConfig config) {
        return new DecodedSerializer<>(
                new SpecificRecordSerializer<>(recordType),
                new SpecificRecordSerializer<>(DeadLetter.class));
    }

    @Override
    public String toString() {
        return "Decoded<" + recordType.getName() + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecodedTypeInfo<?> that && recordType.equals(that.recordType);
    }

    @Override
    public int hashCode() {
        return recordType.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof DecodedTypeInfo;
    }
}
