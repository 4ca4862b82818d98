package io.platewatch.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The rules a schema change must pass, as functions, so the tests can apply them both to the real
 * schemas and to deliberately broken ones (proving the rules can fail).
 */
final class SchemaRules {

    static final Path SOURCES = Path.of("src", "main", "avro");
    static final Path RELEASED = Path.of("released");

    /** Files that others refer to by name: parsed first, as the build's avro plugin does. */
    static final List<String> SHARED_FIRST =
            List.of(
                    "GeoPoint.avsc",
                    "SharingLevel.avsc",
                    "SharingScope.avsc",
                    "Priority.avsc",
                    "VehicleFlag.avsc");

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private SchemaRules() {}

    /** Every source .avsc file, parsed with one parser so names resolve: file name to schema. */
    static Map<String, Schema> sourceSchemas() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new HashMap<>();
        for (String shared : SHARED_FIRST) {
            schemas.put(shared, parser.parse(SOURCES.resolve(shared).toFile()));
        }
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!schemas.containsKey(name)) {
                    schemas.put(name, parser.parse(file.toFile()));
                }
            }
        }
        return schemas;
    }

    /** Released versions of a top-level schema, oldest first; each parsed on its own. */
    static List<Schema> releasedVersions(String name) throws IOException {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            Path file = RELEASED.resolve(name).resolve("v" + version + ".avsc");
            if (!Files.exists(file)) {
                return versions;
            }
            versions.add(new Schema.Parser().parse(file.toFile()));
        }
    }

    /** Version numbers found in a release folder, to catch gaps and strays. */
    static List<Integer> releasedVersionNumbers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> VERSION_FILE.matcher(f.getFileName().toString()))
                    .map(m -> m.matches() ? Integer.parseInt(m.group(1)) : -1)
                    .sorted()
                    .toList();
        }
    }

    /** Where {@code schema} and every named type inside it lacks a doc: "Record.field" paths. */
    static List<String> missingDocs(Schema schema) {
        List<String> missing = new ArrayList<>();
        walkNamed(
                schema,
                named -> {
                    if (isBlank(named.getDoc())) {
                        missing.add(named.getFullName());
                    }
                    if (named.getType() == Schema.Type.RECORD) {
                        for (Schema.Field field : named.getFields()) {
                            if (isBlank(field.doc())) {
                                missing.add(named.getFullName() + "." + field.name());
                            }
                        }
                    }
                });
        return missing;
    }

    /**
     * Fields of {@code current} that are not in {@code first} and have no default: "Record.field"
     * paths. Records are matched by full name wherever they are nested; a record new since the
     * first version is judged through the field that holds it.
     */
    static List<String> addedFieldsWithoutDefault(Schema current, Schema first) {
        Map<String, Schema> firstRecords = new HashMap<>();
        walkNamed(
                first,
                named -> {
                    if (named.getType() == Schema.Type.RECORD) {
                        firstRecords.put(named.getFullName(), named);
                    }
                });
        List<String> violations = new ArrayList<>();
        walkNamed(
                current,
                named -> {
                    Schema before = firstRecords.get(named.getFullName());
                    if (named.getType() != Schema.Type.RECORD || before == null) {
                        return;
                    }
                    for (Schema.Field field : named.getFields()) {
                        if (before.getField(field.name()) == null && !field.hasDefaultValue()) {
                            violations.add(named.getFullName() + "." + field.name());
                        }
                    }
                });
        return violations;
    }

    /** Whether data written with {@code writer} can be read with {@code reader}. */
    static SchemaPairCompatibility backward(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    }

    static boolean isCompatible(SchemaPairCompatibility result) {
        return result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    /** Names of the top-level topic schemas, which are the only ones released. */
    static Set<String> topicSchemaNames() {
        return Stream.of(Topic.values())
                .map(topic -> topic.valueSchema().getName())
                .collect(Collectors.toSet());
    }

    /** Visits every record, enum and fixed reachable from {@code schema}, each once. */
    private static void walkNamed(Schema schema, Consumer<Schema> visit) {
        walk(schema, visit, new IdentityHashMap<>());
    }

    private static void walk(
            Schema schema, Consumer<Schema> visit, IdentityHashMap<Schema, Boolean> seen) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                visit.accept(schema);
                schema.getFields().forEach(field -> walk(field.schema(), visit, seen));
            }
            case ENUM, FIXED -> visit.accept(schema);
            case ARRAY -> walk(schema.getElementType(), visit, seen);
            case MAP -> walk(schema.getValueType(), visit, seen);
            case UNION -> schema.getTypes().forEach(branch -> walk(branch, visit, seen));
            default -> {}
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
