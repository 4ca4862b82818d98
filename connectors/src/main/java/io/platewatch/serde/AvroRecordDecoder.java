package io.platewatch.serde;

import io.platewatch.registry.RegistryException;
import io.platewatch.registry.RegistryUnavailableException;
import io.platewatch.registry.SchemaNotFoundException;
import io.platewatch.schemas.ErrorKind;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes Confluent-wire-format values into records of one class, whatever version of the schema
 * they were written with: the writer schema is fetched by the id in the value and resolved against
 * the class's own (reader) schema, so fields added with a default, or removed, evolve as Avro's
 * resolution rules say.
 *
 * <p>Every way a value can be bad ends in a {@link DecodeException} with its {@link ErrorKind}: not
 * the wire format (short, wrong magic byte), unknown schema id, registry unavailable, or a body
 * that does not decode (garbage, truncated, trailing bytes, a writer schema the reader cannot
 * read). Writer schemas and their readers are cached per id; a failed lookup is not cached, so an
 * id that appears later, or a registry that comes back, is picked up. The decoder is thread-safe.
 */
public final class AvroRecordDecoder<T extends SpecificRecord> {

    private final SchemaResolver resolver;
    private final Class<T> type;
    private final Schema readerSchema;
    private final SpecificData model;
    private final Map<Integer, Resolution<T>> resolutions = new ConcurrentHashMap<>();

    public AvroRecordDecoder(SchemaResolver resolver, Class<T> type) {
        this.resolver = resolver;
        this.type = type;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
    }

    /** The class records are decoded into. */
    public Class<T> type() {
        return type;
    }

    /**
     * The record framed in {@code value}.
     *
     * @throws DecodeException when the value is not a readable record, with the reason
     */
    public T decode(byte[] value) {
        int schemaId = WireFormat.schemaId(value);
        SpecificDatumReader<T> reader = resolve(schemaId).readerOrThrow();
        int bodyLength = value.length - WireFormat.HEADER_LENGTH;
        BinaryDecoder binary =
                DecoderFactory.get()
                        .binaryDecoder(value, WireFormat.HEADER_LENGTH, bodyLength, null);
        BoundedDecoder body = new BoundedDecoder(binary, bodyLength);
        T record = readBody(reader, body, schemaId);
        checkFullyRead(body, schemaId);
        return record;
    }

    private T readBody(SpecificDatumReader<T> reader, BoundedDecoder body, int schemaId) {
        try {
            return reader.read(null, body);
        } catch (BoundedDecoder.LengthBeyondValueException e) {
            throw DecodeException.undecodable(
                    "body does not decode with schema id " + schemaId + ": " + e.getMessage());
        } catch (EOFException e) {
            throw DecodeException.undecodable(
                    "body ends early: the value is truncated, or was not written with schema id "
                            + schemaId);
        } catch (IOException | RuntimeException e) {
            throw DecodeException.undecodable(
                    "body does not decode with schema id "
                            + schemaId
                            + " ("
                            + e.getClass().getSimpleName()
                            + ")");
        }
    }

    private static void checkFullyRead(BoundedDecoder body, int schemaId) {
        try {
            if (!body.isEnd()) {
                throw DecodeException.undecodable(
                        body.remaining()
                                + " bytes left after the record: it was not written with schema"
                                + " id "
                                + schemaId
                                + ", or the value holds more than one record");
            }
        } catch (IOException e) {
            throw DecodeException.undecodable("cannot tell where the body ends");
        }
    }

    private Resolution<T> resolve(int schemaId) {
        Resolution<T> known = resolutions.get(schemaId);
        if (known != null) {
            return known;
        }
        Resolution<T> resolution = readerFor(schemaId, writerSchema(schemaId));
        resolutions.putIfAbsent(schemaId, resolution);
        return resolution;
    }

    private Schema writerSchema(int schemaId) {
        try {
            return resolver.schemaOf(schemaId);
        } catch (SchemaNotFoundException e) {
            throw new DecodeException(
                    ErrorKind.UNKNOWN_SCHEMA, "schema id " + schemaId + " is not in the registry");
        } catch (RegistryUnavailableException e) {
            throw new DecodeException(
                    ErrorKind.REGISTRY_UNAVAILABLE,
                    "registry unavailable after retries while resolving schema id "
                            + schemaId
                            + ": "
                            + e.getMessage());
        } catch (RegistryException e) {
            throw new DecodeException(
                    ErrorKind.OTHER,
                    "registry could not give schema id " + schemaId + ": " + e.getMessage());
        }
    }

    /** A writer schema that the reader schema cannot read is a property of the id: cached. */
    private Resolution<T> readerFor(int schemaId, Schema writer) {
        SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return Resolution.failed(
                    "schema id "
                            + schemaId
                            + " ("
                            + writer.getFullName()
                            + ") cannot be read as "
                            + readerSchema.getFullName()
                            + ": "
                            + firstIncompatibility(compatibility));
        }
        return Resolution.of(new SpecificDatumReader<>(writer, readerSchema, model));
    }

    private static String firstIncompatibility(SchemaPairCompatibility compatibility) {
        return compatibility.getResult().getIncompatibilities().stream()
                .findFirst()
                .map(i -> i.getType() + " at " + i.getLocation())
                .orElse(compatibility.getDescription());
    }

    /** Either the reader for a writer schema, or why there can be none. */
    private record Resolution<T>(SpecificDatumReader<T> reader, String failure) {
        static <T> Resolution<T> of(SpecificDatumReader<T> reader) {
            return new Resolution<>(reader, null);
        }

        static <T> Resolution<T> failed(String failure) {
            return new Resolution<>(null, failure);
        }

        SpecificDatumReader<T> readerOrThrow() {
            if (failure != null) {
                throw DecodeException.undecodable(failure);
            }
            return reader;
        }
    }
}
