package io.platewatch.serde;

/**
 * The Confluent wire format: one magic byte 0, the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding of the record with that schema.
 */
public final class WireFormat {

    /** First byte of every framed value. */
    public static final byte MAGIC_BYTE = 0;

    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {}

    /** Writes the header for {@code schemaId} into the first five bytes of {@code target}. */
    public static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /**
     * The schema id of a framed value.
     *
     * @throws DecodeException (NOT_WIRE_FORMAT) when the value is too short or lacks the magic byte
     */
    public static int schemaId(byte[] value) {
        checkFrame(value);
        return ((value[1] & 0xff) << 24)
                | ((value[2] & 0xff) << 16)
                | ((value[3] & 0xff) << 8)
                | (value[4] & 0xff);
    }

    private static void checkFrame(byte[] value) {
        if (value == null) {
            throw DecodeException.notWireFormat("no value (null or tombstone)");
        }
        if (value.length < HEADER_LENGTH) {
            throw DecodeException.notWireFormat(
                    "value of "
                            + value.length
                            + " bytes is too short for the 5-byte header (magic byte and schema"
                            + " id)");
        }
        if (value[0] != MAGIC_BYTE) {
            throw DecodeException.notWireFormat(
                    String.format(
                            "first byte is 0x%02x, not the magic byte 0x00 of the Confluent wire"
                                    + " format",
                            value[0] & 0xff));
        }
    }
}
