package io.platewatch.serde;

import org.apache.avro.Schema;

/**
 * Where the serde finds schema ids and writer schemas: the registry in production. Encoders and
 * decoders cache what they resolve, so a resolver is called once per schema, not per record.
 */
public interface SchemaResolver {

    /** The id to write for records of {@code schema} under {@code subject}. */
    int idOf(String subject, Schema schema);

    /** The schema that records framed with {@code id} were written with. */
    Schema schemaOf(int id);
}
