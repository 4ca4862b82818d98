package io.platewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpecificRecordSerializerTest {

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicRecordSurvivesSerializationAndCopy(Topic topic) throws Exception {
        SpecificRecord sample = SampleRecords.of(topic);
        TypeSerializer<SpecificRecord> serializer = serializerOf(sample);

        SpecificRecord back = roundTrip(serializer, sample);
        SpecificRecord copy = serializer.copy(sample);

        assertThat(back).isEqualTo(sample);
        assertThat(copy).isEqualTo(sample).isNotSameAs(sample);
    }

    @Test
    void decodedHoldsEitherSide() throws Exception {
        TypeSerializer<Decoded<PlateRead>> serializer =
                DecodedTypeInfo.forClass(PlateRead.class)
                        .createSerializer(new SerializerConfigImpl());
        Decoded<PlateRead> record = Decoded.of(SampleRecords.plateRead());
        Decoded<PlateRead> dead = Decoded.failed(SampleRecords.deadLetter());

        assertThat(roundTrip(serializer, record)).isEqualTo(record);
        assertThat(roundTrip(serializer, dead)).isEqualTo(dead);
        assertThat(serializer.copy(dead)).isEqualTo(dead);
    }

    @Test
    void decodedTextNamesNoRecordContent() {
        assertThat(Decoded.of(SampleRecords.plateRead()).toString())
                .isEqualTo("Decoded[PlateRead]");
        assertThat(Decoded.<PlateRead>failed(SampleRecords.deadLetter()).toString())
                .isEqualTo("Decoded[dead letter UNDECODABLE]");
    }

    @Test
    void unchangedSchemaIsCompatibleAsIs() throws Exception {
        var serializer = new SpecificRecordSerializer<>(PlateRead.class);
        var restored = restore(serializer.snapshotConfiguration());

        assertThat(
                        serializer
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(restored)
                                .isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void stateWrittenWithAnOlderCompatibleSchemaIsMigrated() throws Exception {
        Schema older =
                AvroBytes.editFields(
                        PlateRead.getClassSchema(), AvroBytes.removing(Set.of("imageUri")));
        var oldSnapshot = new SpecificRecordSerializerSnapshot<>(PlateRead.class, older.toString());
        GenericRecord oldRead = AvroBytes.asSchema(SampleRecords.plateRead(), older);
        DataOutputSerializer out = new DataOutputSerializer(256);
        byte[] body = AvroBytes.genericBody(oldRead);
        out.writeInt(body.length);
        out.write(body);

        TypeSerializerSchemaCompatibility<PlateRead> compatibility =
                new SpecificRecordSerializer<>(PlateRead.class)
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(restore(oldSnapshot));
        PlateRead migrated =
                oldSnapshot
                        .restoreSerializer()
                        .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(compatibility.isCompatibleAfterMigration()).isTrue();
        PlateRead expected = SampleRecords.plateRead();
        expected.setImageUri(null);
        assertThat(migrated).isEqualTo(expected);
    }

    @Test
    void otherRecordClassIsIncompatible() throws Exception {
        var old = restore(new SpecificRecordSerializer<>(DeadLetter.class).snapshotConfiguration());
        TypeSerializerSnapshot<PlateRead> current =
                new SpecificRecordSerializer<>(PlateRead.class).snapshotConfiguration();

        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSchemaCompatibility<PlateRead> compatibility =
                current.resolveSchemaCompatibility((TypeSerializerSnapshot) old);

        assertThat(compatibility.isIncompatible()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializer<SpecificRecord> serializerOf(SpecificRecord sample) {
        return (TypeSerializer<SpecificRecord>)
                (TypeSerializer<?>) new SpecificRecordSerializer<>(sample.getClass());
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(value, out);
        // Sized up front: DataOutputSerializer does not grow when copying from an input view.
        DataOutputSerializer copied = new DataOutputSerializer(4096);
        serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        return serializer
                .duplicate()
                .deserialize(new DataInputDeserializer(copied.getCopyOfBuffer()));
    }

    /** A snapshot as a savepoint gives it back: written, then read by a fresh instance. */
    private static <T> TypeSerializerSnapshot<T> restore(TypeSerializerSnapshot<T> snapshot)
            throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(512);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()),
                SpecificRecordSerializerTest.class.getClassLoader());
    }
}
