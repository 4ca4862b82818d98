package io.platewatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Encodes records of one class for one subject in the Confluent wire format.
 *
 * <p>The schema id is resolved once, on the first record, and kept: after that, encoding does not
 * touch the registry. The encoder is thread-safe, as a Kafka producer's serializer must be.
 */
public final class AvroRecordEncoder<T extends SpecificRecord> {

    /** Most PlateWatch records fit, so the buffer rarely grows. */
    private static final int INITIAL_BUFFER = 512;

    private final SchemaResolver resolver;
    private final String subject;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private volatile byte[] header;

    /**
     * A buffered encoder per thread: writing a record byte by byte into a stream costs a lock per
     * byte, the buffer turns that into one copy per record.
     */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public AvroRecordEncoder(SchemaResolver resolver, String subject, Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        this.resolver = resolver;
        this.subject = subject;
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    /** The subject the schema is registered under. */
    public String subject() {
        return subject;
    }

    /**
     * The framed bytes of {@code record}.
     *
     * @throws SerializationException when the record breaks its own schema (a required field is
     *     null) or its schema id cannot be resolved
     */
    public byte[] encode(T record) {
        byte[] frame = header();
        Scratch local = scratch.get();
        local.out.reset();
        local.out.write(frame, 0, frame.length);
        try {
            writer.write(record, local.encoder);
            local.encoder.flush();
        } catch (IOException e) {
            scratch.remove();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // The encoder may hold part of the failed record in its buffer: start afresh.
            scratch.remove();
            throw new SerializationException(
                    schema.getName() + " record cannot be encoded with its schema: " + why(e));
        }
        return local.out.toByteArray();
    }

    private byte[] header() {
        byte[] frame = header;
        if (frame == null) {
            frame = new byte[WireFormat.HEADER_LENGTH];
            WireFormat.writeHeader(frame, resolver.idOf(subject, schema));
            header = frame;
        }
        return frame;
    }

    /** Output buffer and encoder reused by one thread. */
    private static final class Scratch {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    }

    /**
     * Avro's null-field message names the field path only; other messages can quote the value, so
     * they are reduced to the exception's class.
     */
    private static String why(RuntimeException e) {
        return e instanceof NullPointerException && e.getMessage() != null
                ? e.getMessage()
                : e.getClass().getSimpleName();
    }
}
