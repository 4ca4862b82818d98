/**
 * Avro records in the Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro
 * binary) for Kafka clients and Flink jobs.
 *
 * <p>Kafka clients: {@link io.platewatch.serde.ConfluentAvroSerializer} and {@link
 * io.platewatch.serde.ConfluentAvroDeserializer}, configured with Confluent's keys ({@link
 * io.platewatch.serde.SerdeConfig}); the subject is {@code <topic>-value}.
 *
 * <p>Flink jobs:
 *
 * <pre>{@code
 * KafkaSource<Decoded<PlateRead>> source = KafkaSource.<Decoded<PlateRead>>builder()
 *     ...
 *     .setDeserializer(new DecodingDeserializationSchema<>(registry, PlateRead.class, "decode"))
 *     .build();
 * SingleOutputStreamOperator<PlateRead> reads =
 *     DeadLetterRouter.route(env.fromSource(source, watermarks, "Plate reads"), PlateRead.class);
 * DataStream<DeadLetter> deadLetters = reads.getSideOutput(DeadLetterRouter.DEAD_LETTERS);
 * }</pre>
 *
 * and {@link io.platewatch.serde.ConfluentAvroSerializationSchema} for Kafka sinks. Operators that
 * emit Avro records declare {@link io.platewatch.serde.SpecificRecordTypeInfo}: this module does
 * not bring flink-avro, so Flink cannot infer their type.
 *
 * <p>Bad values never throw out of the Flink deserializer; they become dead letters:
 *
 * <table>
 *   <caption>Failure classes</caption>
 *   <tr><th>value</th><th>ErrorKind</th></tr>
 *   <tr><td>null, shorter than 5 bytes, first byte not 0</td><td>NOT_WIRE_FORMAT</td></tr>
 *   <tr><td>schema id unknown to the registry</td><td>UNKNOWN_SCHEMA</td></tr>
 *   <tr><td>garbage body, truncated body, trailing bytes, a length larger than the value,
 *       a writer schema the reader cannot read</td><td>UNDECODABLE</td></tr>
 *   <tr><td>registry down after retries (only with {@link
 *       io.platewatch.serde.RegistryOutagePolicy#DEAD_LETTER})</td>
 *       <td>REGISTRY_UNAVAILABLE</td></tr>
 * </table>
 *
 * <p>Each reason is distinct and names sizes and schema ids only, never content. A registry outage
 * fails the task by default ({@link io.platewatch.serde.RegistryOutagePolicy#FAIL}): the outage is
 * not the record's fault, and Flink's restart from the last checkpoint re-reads the same records
 * once the registry is back, so nothing needs replaying from the dead-letter topic.
 *
 * <p>Cost per record with warm caches is measured by {@code SerdeBenchmark}: {@code mvn -B -pl
 * connectors -Pbench -DskipTests package} writes {@code connectors/target/bench/serde.json}.
 *
 * <p>Known limits: a failed schema-id lookup is not cached, so a stream of values naming one
 * unknown id asks the registry once per value; only {@code TopicNameStrategy} subjects are
 * supported.
 */
package io.platewatch.serde;
