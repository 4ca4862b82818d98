package io.platewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platewatch.infra.testing.LocalStackExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client against the real registry (Apicurio's Confluent API), on subjects made for each test
 * so that runs never see each other's versions.
 */
@ExtendWith(LocalStackExtension.class)
class RegistryClientIntegrationTest {

    /** Version 1 of a test-only record. */
    private static final Schema V1 =
            SchemaBuilder.record("Probe")
                    .namespace("io.platewatch.test")
                    .doc("A test-only record.")
                    .fields()
                    .requiredString("probeId")
                    .requiredLong("seenAt")
                    .endRecord();

    /** Version 2 adds a field with a default: BACKWARD compatible. */
    private static final Schema V2 =
            SchemaBuilder.record("Probe")
                    .namespace("io.platewatch.test")
                    .doc("A test-only record.")
                    .fields()
                    .requiredString("probeId")
                    .requiredLong("seenAt")
                    .name("site")
                    .type()
                    .stringType()
                    .stringDefault("unknown")
                    .endRecord();

    /** Adds a field without a default: v2 data cannot be read with it, so not BACKWARD. */
    private static final Schema INCOMPATIBLE =
            SchemaBuilder.record("Probe")
                    .namespace("io.platewatch.test")
                    .doc("A test-only record.")
                    .fields()
                    .requiredString("probeId")
                    .requiredLong("seenAt")
                    .requiredString("site")
                    .requiredInt("lane")
                    .endRecord();

    private RegistryClient client;
    private String subject;

    @BeforeEach
    void setUp() {
        client = new RegistryClient(RegistrySettings.of(LocalStackExtension.registryUrl()));
        subject = "it-probe-" + UUID.randomUUID() + "-value";
    }

    @Test
    void concurrentWritersRegisteringTheSameNewSchemaAllGetItsId() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                // A client each, as parallel sink writers have: no shared cache hides the race.
                RegistryClient own =
                        new RegistryClient(RegistrySettings.of(LocalStackExtension.registryUrl()));
                ids.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return own.register(subject, V1);
                                }));
            }
            start.countDown();

            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get(60, TimeUnit.SECONDS));
            }
            assertThat(distinct).containsExactly(client.lookup(subject, V1).orElseThrow().id());
            // The number of versions is not asserted: Apicurio itself may record the same schema
            // twice under such a race. Ids depend on content, so every writer still agrees.
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registersAndEvolvesASchemaWithADefaultedField() {
        client.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);
        int v1 = client.register(subject, V1);
        assertThat(client.isCompatible(subject, V2)).isTrue();
        int v2 = client.register(subject, V2);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(client.versions(subject)).containsExactly(1, 2);
        RegisteredSchema latest = client.latest(subject);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(latest.schema()).isEqualTo(V2);
        assertThat(client.version(subject, 1).schema()).isEqualTo(V1);
        assertThat(client.schemaById(v1)).isEqualTo(V1);
    }

    @Test
    void incompatibleChangeIsRefusedAndTheCheckSaysSo() {
        client.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);
        client.register(subject, V1);
        client.register(subject, V2);

        assertThat(client.isCompatible(subject, INCOMPATIBLE)).isFalse();
        assertThatThrownBy(() -> client.register(subject, INCOMPATIBLE))
                .isInstanceOfSatisfying(
                        IncompatibleSchemaException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(409));
        assertThat(client.versions(subject)).containsExactly(1, 2);
    }

    @Test
    void registeringTheSameSchemaAgainGivesTheSameId() {
        int first = client.register(subject, V1);
        RegistryClient otherClient =
                new RegistryClient(RegistrySettings.of(LocalStackExtension.registryUrl()));

        assertThat(otherClient.register(subject, V1)).isEqualTo(first);
        assertThat(client.versions(subject)).containsExactly(1);
    }

    @Test
    void lookupFindsTheVersionOfARegisteredSchemaOnly() {
        client.register(subject, V1);
        int v2 = client.register(subject, V2);

        assertThat(client.lookup(subject, V2))
                .hasValueSatisfying(
                        found -> {
                            assertThat(found.id()).isEqualTo(v2);
                            assertThat(found.version()).isEqualTo(2);
                        });
        assertThat(client.lookup(subject, INCOMPATIBLE)).isEmpty();
        assertThat(client.lookup("it-missing-" + UUID.randomUUID(), V1)).isEmpty();
    }

    @Test
    void subjectCompatibilityCanBeSetAndRead() {
        client.register(subject, V1);
        client.setSubjectCompatibility(subject, CompatibilityLevel.FULL);

        assertThat(client.subjectCompatibility(subject)).contains(CompatibilityLevel.FULL);
    }

    @Test
    void missingSubjectAndUnknownIdGiveTheirOwnExceptions() {
        assertThatThrownBy(() -> client.versions(subject))
                .isInstanceOf(SubjectNotFoundException.class)
                .hasMessageContaining(subject);
        assertThatThrownBy(() -> client.latest(subject))
                .isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> client.schemaById(987_654_321))
                .isInstanceOfSatisfying(
                        SchemaNotFoundException.class,
                        e -> assertThat(e.schemaId()).isEqualTo(987_654_321));
    }

    @Test
    void invalidSchemaIsRefusedAsInvalid() {
        Schema enumWithBadDefault =
                new Schema.Parser()
                        .setValidateDefaults(false)
                        .parse(
                                "{\"type\":\"record\",\"name\":\"Bad\",\"fields\":[{\"name\":\"n\","
                                        + "\"type\":\"int\",\"default\":\"not a number\"}]}");

        assertThatThrownBy(() -> client.register(subject, enumWithBadDefault))
                .isInstanceOf(RegistryException.class)
                .satisfies(
                        e -> assertThat(((RegistryException) e).httpStatus()).isBetween(400, 499));
    }
}
