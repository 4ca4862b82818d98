package io.platewatch.serde;

import static io.platewatch.serde.DecodingContexts.context;
import static io.platewatch.serde.DecodingContexts.decode;
import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.PlateRead;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad values become dead letters, never exceptions, with the real registry answering. */
@ExtendWith(LocalStackExtension.class)
class DecodingDeserializationSchemaIntegrationTest {

    private DecodingDeserializationSchema<PlateRead> schema;
    private byte[] good;

    @BeforeEach
    void setUp() {
        RegistrySettings settings = RegistrySettings.of(LocalStackExtension.registryUrl());
        schema = new DecodingDeserializationSchema<>(settings, PlateRead.class, "test/decode");
        schema.open(context());
        AvroRecordEncoder<PlateRead> encoder =
                new AvroRecordEncoder<>(
                        new RegistrySchemaResolver(new RegistryClient(settings), true),
                        "it-decode-" + UUID.randomUUID() + "-value",
                        PlateRead.class);
        good = encoder.encode(SampleRecords.plateRead());
    }

    @Test
    void goodValueDecodes() throws Exception {
        List<Decoded<PlateRead>> out = decode(schema, record(good));

        assertThat(out).containsExactly(Decoded.of(SampleRecords.plateRead()));
    }

    @Test
    void garbageIsNotWireFormat() throws Exception {
        DeadLetter dead = deadLetterOf("plate ABC123 seen".getBytes(StandardCharsets.UTF_8));

        assertThat(dead.getErrorKind()).isEqualTo(ErrorKind.NOT_WIRE_FORMAT);
        assertThat(dead.getReason())
                .isEqualTo(
                        "first byte is 0x70, not the magic byte 0x00 of the Confluent wire format");
    }

    @Test
    void unknownSchemaIdIsUnknownSchema() throws Exception {
        byte[] value = good.clone();
        WireFormat.writeHeader(value, 2_000_000_000);

        DeadLetter dead = deadLetterOf(value);

        assertThat(dead.getErrorKind()).isEqualTo(ErrorKind.UNKNOWN_SCHEMA);
        assertThat(dead.getReason()).isEqualTo("schema id 2000000000 is not in the registry");
    }

    @Test
    void truncatedRecordIsUndecodable() throws Exception {
        DeadLetter dead = deadLetterOf(AvroBytes.withoutLast(good, 10));

        assertThat(dead.getErrorKind()).isEqualTo(ErrorKind.UNDECODABLE);
        assertThat(dead.getReason()).startsWith("body ends early");
    }

    @Test
    void trailingBytesAreUndecodable() throws Exception {
        byte[] value = Arrays.copyOf(good, good.length + 4);

        DeadLetter dead = deadLetterOf(value);

        assertThat(dead.getErrorKind()).isEqualTo(ErrorKind.UNDECODABLE);
        assertThat(dead.getReason()).startsWith("4 bytes left after the record");
    }

    @Test
    void tooShortForASchemaIdIsNotWireFormat() throws Exception {
        DeadLetter dead = deadLetterOf(new byte[] {0, 0, 0});

        assertThat(dead.getErrorKind()).isEqualTo(ErrorKind.NOT_WIRE_FORMAT);
        assertThat(dead.getReason()).contains("too short");
    }

    private DeadLetter deadLetterOf(byte[] value) throws Exception {
        List<Decoded<PlateRead>> out = decode(schema, record(value));
        assertThat(out).hasSize(1);
        assertThat(out.get(0).isRecord()).isFalse();
        return out.get(0).deadLetter();
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("reads", 0, 5L, null, value);
    }
}
