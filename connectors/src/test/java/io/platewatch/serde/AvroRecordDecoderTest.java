package io.platewatch.serde;

import static io.platewatch.serde.AvroBytes.adding;
import static io.platewatch.serde.AvroBytes.body;
import static io.platewatch.serde.AvroBytes.framed;
import static io.platewatch.serde.AvroBytes.removing;
import static io.platewatch.serde.AvroBytes.withoutLast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.PlateRead;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Byte-level decoding rules, with schemas held in memory. The same cases run against the real
 * registry and broker in the integration tests.
 */
class AvroRecordDecoderTest {

    private static final int PLATE_READ_ID = 7;
    private static final int ALERT_ID = 8;

    private final InMemorySchemas schemas =
            new InMemorySchemas()
                    .with(PLATE_READ_ID, PlateRead.getClassSchema())
                    .with(ALERT_ID, Alert.getClassSchema());
    private final AvroRecordDecoder<PlateRead> decoder =
            new AvroRecordDecoder<>(schemas, PlateRead.class);

    @Test
    void decodesWhatTheEncoderWrote() {
        AvroRecordEncoder<PlateRead> encoder =
                new AvroRecordEncoder<>(schemas, "reads-value", PlateRead.class);
        PlateRead read = SampleRecords.plateRead();

        byte[] value = encoder.encode(read);

        assertThat(WireFormat.schemaId(value)).isEqualTo(PLATE_READ_ID);
        assertThat(decoder.decode(value)).isEqualTo(read);
    }

    @Test
    void readsAnOlderWriterSchemaFillingDefaultsAndSkippingRemovedFields() throws Exception {
        Schema older =
                AvroBytes.editFields(
                        PlateRead.getClassSchema(),
                        removing(Set.of("imageUri", "vehicle"))
                                .andThen(
                                        adding(
                                                "{\"name\":\"laneNumber\",\"type\":\"int\","
                                                        + "\"default\":2}")));
        schemas.with(41, older);
        GenericRecord oldRead = AvroBytes.asSchema(SampleRecords.plateRead(), older);

        PlateRead read = decoder.decode(framed(41, AvroBytes.genericBody(oldRead)));

        PlateRead expected = SampleRecords.plateRead();
        expected.setImageUri(null);
        expected.setVehicle(null);
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void unknownSchemaIdIsUnknownSchema() throws Exception {
        byte[] value = framed(999, body(SampleRecords.plateRead()));

        assertDecodeFails(() -> decoder.decode(value), ErrorKind.UNKNOWN_SCHEMA, "999");
    }

    @Test
    void truncatedBodyIsUndecodable() throws Exception {
        byte[] value = withoutLast(framed(PLATE_READ_ID, body(SampleRecords.plateRead())), 6);

        assertDecodeFails(() -> decoder.decode(value), ErrorKind.UNDECODABLE, "ends early");
    }

    @Test
    void trailingBytesAreUndecodable() throws Exception {
        byte[] body = body(SampleRecords.plateRead());
        byte[] twice = new byte[body.length + 3];
        System.arraycopy(body, 0, twice, 0, body.length);

        assertDecodeFails(
                () -> decoder.decode(framed(PLATE_READ_ID, twice)),
                ErrorKind.UNDECODABLE,
                "3 bytes left after the record");
    }

    @Test
    void hugeDeclaredLengthIsRefusedBeforeAllocating() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        encoder.writeLong(1_500_000_000L);
        encoder.writeFixed(new byte[] {1, 2, 3});

        assertDecodeFails(
                () -> decoder.decode(framed(PLATE_READ_ID, out.toByteArray())),
                ErrorKind.UNDECODABLE,
                "string length of 1500000000 declared, more than the 8-byte body");
    }

    @Test
    void writerSchemaOfAnotherRecordIsUndecodable() throws Exception {
        byte[] value = framed(ALERT_ID, body(SampleRecords.alert()));

        assertDecodeFails(
                () -> decoder.decode(value),
                ErrorKind.UNDECODABLE,
                "schema id 8 (io.platewatch.schemas.Alert) cannot be read as"
                        + " io.platewatch.schemas.PlateRead");
    }

    @Test
    void reasonsNeverQuoteTheRecord() throws Exception {
        byte[] value = withoutLast(framed(PLATE_READ_ID, body(SampleRecords.plateRead())), 1);

        assertThatThrownBy(() -> decoder.decode(value))
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> assertThat(e.reason()).doesNotContain("ABC123", "cam-akl-017"));
    }

    @Test
    void randomBodiesEitherDecodeOrFailWithAReason() {
        Random random = new Random(20260314);
        int failures = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            try {
                decoder.decode(framed(PLATE_READ_ID, garbage));
            } catch (DecodeException e) {
                assertThat(e.kind()).isEqualTo(ErrorKind.UNDECODABLE);
                assertThat(e.reason()).isNotBlank();
                failures++;
            }
        }
        assertThat(failures).isGreaterThan(4_900);
    }

    private static void assertDecodeFails(ThrowingCallable call, ErrorKind kind, String reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(kind);
                            assertThat(e.reason()).contains(reason);
                        });
    }
}
