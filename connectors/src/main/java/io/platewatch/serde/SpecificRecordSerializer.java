package io.platewatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of a generated Avro class: a length, then the Avro binary encoding. It writes
 * with the class's schema; a serializer restored from a savepoint taken with an older schema reads
 * with that older schema as writer, so state written before a compatible schema change is still
 * readable (Flink then rewrites it with the current serializer).
 *
 * <p>Like every Flink serializer it is used by one thread; {@link #duplicate()} gives another.
 */
public final class SpecificRecordSerializer<T extends SpecificRecord> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    /** Schema the bytes to read were written with; null means the class's own. */
    private final String writerSchemaJson;

    private transient Codec<T> codec;

    public SpecificRecordSerializer(Class<T> type) {
        this(type, null);
    }

    SpecificRecordSerializer(Class<T> type, String writerSchemaJson) {
        this.type = Objects.requireNonNull(type, "type");
        this.writerSchemaJson = writerSchemaJson;
    }

    Class<T> type() {
        return type;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new SpecificRecordSerializer<>(type, writerSchemaJson);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        return (T) SpecificData.newInstance(type, codec().schema);
    }

    @Override
    public T copy(T from) {
        return from == null ? null : codec().model.deepCopy(codec().schema, from);
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        Codec<T> c = codec();
        c.buffer.reset();
        c.encoder = EncoderFactory.get().directBinaryEncoder(c.buffer, c.encoder);
        c.writer.write(record, c.encoder);
        target.writeInt(c.buffer.size());
        target.write(c.buffer.bytes(), 0, c.buffer.size());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        Codec<T> c = codec();
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        c.decoder = DecoderFactory.get().binaryDecoder(bytes, c.decoder);
        return c.reader.read(null, c.decoder);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new SpecificRecordSerializerSnapshot<>(type, codec().schema.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpecificRecordSerializer<?> that
                && type.equals(that.type)
                && Objects.equals(writerSchemaJson, that.writerSchemaJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, writerSchemaJson);
    }

    private Codec<T> codec() {
        if (codec == null) {
            codec = new Codec<>(type, writerSchemaJson);
        }
        return codec;
    }

    /** The non-serializable working parts, built on first use in each task. */
    private static final class Codec<T> {
        final SpecificData model;
        final Schema schema;
        final SpecificDatumWriter<T> writer;
        final SpecificDatumReader<T> reader;
        final Buffer buffer = new Buffer();
        BinaryEncoder encoder;
        BinaryDecoder decoder;

        Codec(Class<T> type, String writerSchemaJson) {
            model = SpecificData.getForClass(type);
            schema = model.getSchema(type);
            Schema writerSchema =
                    writerSchemaJson == null ? schema : new Schema.Parser().parse(writerSchemaJson);
            writer = new SpecificDatumWriter<>(schema, model);
            reader = new SpecificDatumReader<>(writerSchema, schema, model);
        }
    }

    /** A byte buffer whose array can be written out without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(256);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
