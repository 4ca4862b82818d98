package io.platewatch.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject: which schema, under which global id.
 *
 * @param subject the subject
 * @param id global schema id, the one written into every record
 * @param version version number within the subject
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
