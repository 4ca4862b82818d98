package io.platewatch.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Test helpers that build framed values and edited schemas by hand. */
final class AvroBytes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroBytes() {}

    /** Avro binary body of a specific record, unframed. */
    static byte[] body(SpecificRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        return out.toByteArray();
    }

    /** Avro binary body of a generic record, unframed. */
    static byte[] genericBody(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        return out.toByteArray();
    }

    /** Header for {@code schemaId} followed by {@code body}. */
    static byte[] framed(int schemaId, byte[] body) {
        byte[] value = new byte[WireFormat.HEADER_LENGTH + body.length];
        WireFormat.writeHeader(value, schemaId);
        System.arraycopy(body, 0, value, WireFormat.HEADER_LENGTH, body.length);
        return value;
    }

    /** {@code value} without its last {@code count} bytes. */
    static byte[] withoutLast(byte[] value, int count) {
        return Arrays.copyOf(value, value.length - count);
    }

    /** {@code record} read with {@code schema} as reader: how an older writer saw it. */
    static GenericRecord asSchema(SpecificRecord record, Schema schema) throws IOException {
        GenericDatumReader<GenericRecord> reader =
                new GenericDatumReader<>(record.getSchema(), schema);
        return reader.read(null, DecoderFactory.get().binaryDecoder(body(record), null));
    }

    /** {@code schema} with its top-level fields edited as JSON. */
    static Schema editFields(Schema schema, Consumer<ArrayNode> edit) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(schema.toString());
            edit.accept((ArrayNode) root.get("fields"));
            return new Schema.Parser().parse(JSON.writeValueAsString(root));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the named top-level fields. */
    static Consumer<ArrayNode> removing(Set<String> names) {
        return fields -> {
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (names.contains(fields.get(i).get("name").asText())) {
                    fields.remove(i);
                }
            }
        };
    }

    /** Appends a field given as JSON. */
    static Consumer<ArrayNode> adding(String fieldJson) {
        return fields -> {
            try {
                JsonNode field = JSON.readTree(fieldJson);
                fields.add(field);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
