package io.platewatch.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for a generated Avro class, serialized as Avro binary.
 *
 * <p>Flink's own Avro type information lives in flink-avro, which this module leaves out (its
 * classes clash with the test-only Confluent oracle, which bundles a relocated copy of them).
 * Without it Flink cannot infer a type for Avro classes, so every operator that emits one must
 * declare it: {@code .returns(SpecificRecordTypeInfo.forClass(PlateRead.class))}.
 */
public final class SpecificRecordTypeInfo<T extends SpecificRecord> extends TypeInformation<T> {

    private final Class<T> type;

    private SpecificRecordTypeInfo(Class<T> type) {
        this.type = type;
    }

    public static <T extends SpecificRecord> SpecificRecordTypeInfo<T> forClass(Class<T> type) {
        return new SpecificRecordTypeInfo<>(type);
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
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new SpecificRecordSerializer<>(type);
    }

    @Override
    public String toString() {
        return "SpecificRecord<" + type.getName() + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpecificRecordTypeInfo<?> that && type.equals(that.type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof SpecificRecordTypeInfo;
    }
}
