package io.platewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import java.io.IOException;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroDeserializationSchema;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroSerializationSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Confluent's own code as the oracle, against the real registry: Confluent's registry client (7.5,
 * relocated inside flink-sql-avro-confluent-registry) and Flink's Confluent-format Avro schemas
 * built on it. That artifact does not bundle Confluent's KafkaAvroSerializer; Flink's schemas write
 * and read the same framing through Confluent's client, so they stand in for it. They run on a
 * relocated copy of Avro, so records cross between the two worlds as bytes or JSON.
 */
@ExtendWith(LocalStackExtension.class)
class ConfluentOracleIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryClient ours;
    private String run;

    @BeforeEach
    void setUp() {
        ours = new RegistryClient(RegistrySettings.of(LocalStackExtension.registryUrl()));
        run = UUID.randomUUID().toString();
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void confluentReadsWhatWeWrite(Topic topic) throws Exception {
        SpecificRecord sample = SampleRecords.of(topic);
        byte[] ourBytes = encoder(topic).encode(sample);

        var theirReader =
                ConfluentRegistryAvroDeserializationSchema.forGeneric(
                        relocated(topic.valueSchema()), LocalStackExtension.registryUrl());
        var theirRecord = theirReader.deserialize(ourBytes);

        assertThat(JSON.readTree(theirRecord.toString())).isEqualTo(asGenericJson(sample));
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void weReadWhatConfluentWrites(Topic topic) throws Exception {
        SpecificRecord sample = SampleRecords.of(topic);
        byte[] theirBytes = confluentEncode(topic, sample);

        AvroRecordDecoder<?> decoder =
                new AvroRecordDecoder<>(new RegistrySchemaResolver(ours, false), sample.getClass());

        assertThat(decoder.decode(theirBytes)).isEqualTo(sample);
    }

    @Test
    void bothWriteTheSameBytesForTheSameRecord() throws Exception {
        PlateRead read = SampleRecords.plateRead();

        byte[] theirs = confluentEncode(Topic.PLATE_READS, read);
        byte[] mine = encoder(Topic.PLATE_READS).encode(read);

        assertThat(mine).isEqualTo(theirs);
        assertThat(WireFormat.schemaId(mine)).isEqualTo(WireFormat.schemaId(theirs));
    }

    @Test
    void confluentClientAndOursAgreeOnIdsVersionsAndCompatibility() throws Exception {
        String subject = "oracle-" + run + "-reads-value";
        CachedSchemaRegistryClient theirs =
                new CachedSchemaRegistryClient(LocalStackExtension.registryUrl(), 16);
        AvroSchema theirSchema = new AvroSchema(relocated(PlateRead.getClassSchema()).toString());

        int theirId = theirs.register(subject, theirSchema);
        int ourId = ours.register(subject, PlateRead.getClassSchema());

        assertThat(ourId).isEqualTo(theirId);
        assertThat(ours.latest(subject).version())
                .isEqualTo(theirs.getLatestSchemaMetadata(subject).getVersion());
        assertThat(new Schema.Parser().parse(theirs.getSchemaById(ourId).canonicalString()))
                .isEqualTo(ours.schemaById(theirId));
        Schema breaking =
                AvroBytes.editFields(
                        PlateRead.getClassSchema(),
                        AvroBytes.adding("{\"name\":\"lane\",\"type\":\"int\"}"));
        assertThat(ours.isCompatible(subject, breaking))
                .isEqualTo(theirs.testCompatibility(subject, new AvroSchema(breaking.toString())))
                .isFalse();
    }

    private AvroRecordEncoder<SpecificRecord> encoder(Topic topic) {
        @SuppressWarnings("unchecked")
        Class<SpecificRecord> type = (Class<SpecificRecord>) SampleRecords.of(topic).getClass();
        return new AvroRecordEncoder<>(
                new RegistrySchemaResolver(ours, true), subject(topic), type);
    }

    private byte[] confluentEncode(Topic topic, SpecificRecord sample) throws IOException {
        var schema = relocated(topic.valueSchema());
        var writer =
                ConfluentRegistryAvroSerializationSchema.forGeneric(
                        subject(topic), schema, LocalStackExtension.registryUrl());
        var reader =
                new org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader<
                        org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord>(schema);
        var record =
                reader.read(
                        null,
                        org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory.get()
                                .binaryDecoder(AvroBytes.body(sample), null));
        return writer.serialize(record);
    }

    private String subject(Topic topic) {
        return "oracle-" + run + "-" + topic.topicName() + "-value";
    }

    /** The same schema in the relocated Avro that Confluent's code runs on. */
    private static org.apache.flink.avro.shaded.org.apache.avro.Schema relocated(Schema schema) {
        return new org.apache.flink.avro.shaded.org.apache.avro.Schema.Parser()
                .parse(schema.toString());
    }

    /** The record as plain Avro JSON, timestamps as numbers, the form a generic reader gives. */
    private static JsonNode asGenericJson(SpecificRecord record) throws IOException {
        var reader = new GenericDatumReader<Object>(record.getSchema());
        Object generic =
                reader.read(null, DecoderFactory.get().binaryDecoder(AvroBytes.body(record), null));
        return JSON.readTree(generic.toString());
    }
}
