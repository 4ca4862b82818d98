package io.platewatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each topic's current value schema against every released version of it under {@code
 * released/<Name>/vN.avsc}: a consumer on the current schema must read everything ever written.
 * Released files are self-contained snapshots (every named type inlined), so they stay valid
 * whatever happens to the shared source files later.
 */
class ReleasedSchemasTest {

    static Stream<Arguments> releasedVersions() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            List<Schema> versions = SchemaRules.releasedVersions(topic.valueSchema().getName());
            for (int i = 0; i < versions.size(); i++) {
                cases.add(Arguments.of(topic, i + 1, versions.get(i)));
            }
        }
        return cases.stream();
    }

    @Test
    void releasedFoldersAreExactlyTheTopicSchemas() throws Exception {
        Set<String> folders;
        try (Stream<Path> dirs = Files.list(SchemaRules.RELEASED)) {
            folders = dirs.map(dir -> dir.getFileName().toString()).collect(Collectors.toSet());
        }

        assertThat(folders).isEqualTo(SchemaRules.topicSchemaNames());
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void versionsAreNumberedFromOneWithoutGaps(Topic topic) throws Exception {
        Path folder = SchemaRules.RELEASED.resolve(topic.valueSchema().getName());
        List<Integer> numbers = SchemaRules.releasedVersionNumbers(folder);

        assertThat(numbers)
                .isNotEmpty()
                .isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
    }

    @ParameterizedTest(name = "{0} reads v{1}")
    @MethodSource("releasedVersions")
    void currentSchemaReadsEveryReleasedVersion(Topic topic, int version, Schema released) {
        SchemaPairCompatibility result = SchemaRules.backward(topic.valueSchema(), released);

        assertThat(SchemaRules.isCompatible(result)).as(result.getDescription()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void fieldsAddedSinceTheFirstReleaseHaveDefaults(Topic topic) throws Exception {
        Schema first = SchemaRules.releasedVersions(topic.valueSchema().getName()).get(0);

        assertThat(SchemaRules.addedFieldsWithoutDefault(topic.valueSchema(), first)).isEmpty();
    }

    @Test
    void newFieldWithoutDefaultIsCaught() throws Exception {
        Schema first = SchemaRules.releasedVersions("PlateRead").get(0);
        Schema edited =
                SchemaEdits.withField(
                        PlateRead.getClassSchema(),
                        new Schema.Field(
                                "laneNumber", Schema.create(Schema.Type.INT), "Lane of the read."));

        assertThat(SchemaRules.isCompatible(SchemaRules.backward(edited, first))).isFalse();
        assertThat(SchemaRules.addedFieldsWithoutDefault(edited, first))
                .containsExactly("io.platewatch.schemas.PlateRead.laneNumber");
    }

    @Test
    void newFieldWithDefaultPasses() throws Exception {
        Schema first = SchemaRules.releasedVersions("PlateRead").get(0);
        Schema edited =
                SchemaEdits.withField(
                        PlateRead.getClassSchema(),
                        new Schema.Field(
                                "laneNumber",
                                Schema.create(Schema.Type.INT),
                                "Lane of the read.",
                                0));

        assertThat(SchemaRules.isCompatible(SchemaRules.backward(edited, first))).isTrue();
        assertThat(SchemaRules.addedFieldsWithoutDefault(edited, first)).isEmpty();
    }

    @Test
    void removedEnumSymbolWithoutEnumDefaultIsCaught() throws Exception {
        Schema first = SchemaRules.releasedVersions("Alert").get(0);
        Schema edited =
                SchemaEdits.withoutEnumSymbol(Alert.getClassSchema(), "matchKind", "WILDCARD");

        SchemaPairCompatibility result = SchemaRules.backward(edited, first);

        assertThat(SchemaRules.isCompatible(result)).isFalse();
        assertThat(result.getResult().getIncompatibilities())
                .anySatisfy(i -> assertThat(i.getMessage()).contains("WILDCARD"));
    }

    @Test
    void removedEnumSymbolIsReadableWhenTheEnumHasADefault() throws Exception {
        Schema first = SchemaRules.releasedVersions("PlateRead").get(0);
        Schema edited =
                SchemaEdits.withoutEnumSymbol(PlateRead.getClassSchema(), "direction", "DEPARTING");

        assertThat(SchemaRules.isCompatible(SchemaRules.backward(edited, first))).isTrue();
    }

    @Test
    void releasedSnapshotOfTodayIsTheCurrentSchema() throws Exception {
        for (Topic topic : Topic.values()) {
            List<Schema> versions = SchemaRules.releasedVersions(topic.valueSchema().getName());
            if (versions.size() == 1) {
                assertThat(versions.get(0)).as(topic.name()).isEqualTo(topic.valueSchema());
            }
        }
    }
}
