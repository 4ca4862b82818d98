package io.platewatch.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A binary decoder that refuses lengths and item counts larger than the value itself.
 *
 * <p>Avro's decoder allocates a string, byte array or array as large as the length the data
 * declares before it finds out the data is shorter, so a few garbage bytes can ask for a gigabyte
 * and kill the job with an OutOfMemoryError. No honest value declares more bytes, or more items,
 * than it holds: this decoder checks that before anything is allocated.
 *
 * <p>Counting one byte per item wrongly refuses arrays and maps whose items encode to zero bytes
 * (of type null, or of empty records); no PlateWatch schema has such a collection.
 */
final class BoundedDecoder extends Decoder {

    /** A length or count that the value cannot hold: certainly corrupt data. */
    static final class LengthBeyondValueException extends IOException {
        LengthBeyondValueException(String what, long declared, int limit) {
            super(what + " of " + declared + " declared, more than the " + limit + "-byte body");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final BinaryDecoder in;
    private final int limit;

    BoundedDecoder(BinaryDecoder in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** True when every byte of the value has been read. */
    boolean isEnd() throws IOException {
        return in.isEnd();
    }

    /** Bytes not read yet. */
    int remaining() throws IOException {
        return in.inputStream().available();
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length("string length");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = length("string length");
        byte[] bytes = new byte[length];
        in.readFixed(bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void skipString() throws IOException {
        in.skipString();
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length("bytes length");
        byte[] bytes = new byte[length];
        in.readFixed(bytes, 0, length);
        return ByteBuffer.wrap(bytes);
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipBytes();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public long readArrayStart() throws IOException {
        return count("array items", in.readArrayStart());
    }

    @Override
    public long arrayNext() throws IOException {
        return count("array items", in.arrayNext());
    }

    @Override
    public long skipArray() throws IOException {
        return in.skipArray();
    }

    @Override
    public long readMapStart() throws IOException {
        return count("map entries", in.readMapStart());
    }

    @Override
    public long mapNext() throws IOException {
        return count("map entries", in.mapNext());
    }

    @Override
    public long skipMap() throws IOException {
        return in.skipMap();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }

    private int length(String what) throws IOException {
        long declared = in.readLong();
        if (declared < 0 || declared > limit) {
            throw new LengthBeyondValueException(what, declared, limit);
        }
        return (int) declared;
    }

    private long count(String what, long declared) throws IOException {
        if (declared < 0 || declared > limit) {
            throw new LengthBeyondValueException(what, declared, limit);
        }
        return declared;
    }
}
