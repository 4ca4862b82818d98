package io.platewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platewatch.schemas.ErrorKind;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void headerIsMagicByteThenBigEndianSchemaId() {
        byte[] frame = new byte[WireFormat.HEADER_LENGTH];
        WireFormat.writeHeader(frame, 0x01020304);

        assertThat(frame).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.schemaId(frame)).isEqualTo(0x01020304);
    }

    @Test
    void largestSchemaIdSurvivesTheRoundTrip() {
        byte[] frame = new byte[WireFormat.HEADER_LENGTH];
        WireFormat.writeHeader(frame, Integer.MAX_VALUE);

        assertThat(WireFormat.schemaId(frame)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void valueShorterThanTheHeaderIsNotWireFormat() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.NOT_WIRE_FORMAT);
                            assertThat(e.reason()).contains("3 bytes is too short");
                        });
    }

    @Test
    void wrongMagicByteIsNotWireFormat() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0x7b, 0x22, 0x61, 0x22, 0x3a}))
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.NOT_WIRE_FORMAT);
                            assertThat(e.reason()).contains("first byte is 0x7b");
                        });
    }

    @Test
    void nullValueIsNotWireFormat() {
        assertThatThrownBy(() -> WireFormat.schemaId(null))
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.reason()).contains("tombstone"));
    }
}
