package io.platewatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaDocumentationTest {

    static Stream<String> sourceFiles() throws Exception {
        return SchemaRules.sourceSchemas().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("sourceFiles")
    void everyRecordEnumAndFieldHasADoc(String file) throws Exception {
        Schema schema = SchemaRules.sourceSchemas().get(file);

        assertThat(SchemaRules.missingDocs(schema)).as("undocumented in %s", file).isEmpty();
    }

    @Test
    void everySourceFileIsChecked() throws Exception {
        Map<String, Schema> schemas = SchemaRules.sourceSchemas();

        assertThat(schemas)
                .hasSizeGreaterThanOrEqualTo(12)
                .containsKeys("PlateRead.avsc", "Alert.avsc");
    }

    @Test
    void missingDocIsFound() {
        String json =
                """
                {"type": "record", "name": "Probe", "doc": "A probe.", "fields": [
                  {"name": "a", "type": "int", "doc": " "},
                  {"name": "b", "type": {"type": "enum", "name": "Colour", "symbols": ["RED"]},
                   "doc": "Colour."}]}
                """;
        Schema undocumented = new Schema.Parser().parse(json);

        assertThat(SchemaRules.missingDocs(undocumented)).containsExactly("Probe.a", "Colour");
    }
}
