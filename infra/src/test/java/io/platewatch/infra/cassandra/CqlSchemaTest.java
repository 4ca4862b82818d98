package io.platewatch.infra.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CqlSchemaTest {

    @Test
    void schemaFilesAreAppliedInVersionOrder() {
        List<Integer> versions =
                CqlSchema.files().stream().map(CqlSchema.SchemaFile::version).toList();

        assertThat(versions).startsWith(1, 2, 3, 4, 5).isSorted();
    }

    @Test
    void everyStatementIsIdempotent() {
        CqlSchema schema = CqlSchema.local("platewatch");
        for (CqlSchema.SchemaFile file : CqlSchema.files()) {
            for (String statement : schema.statements(file.text())) {
                assertThat(statement).as(file.name()).contains("IF NOT EXISTS");
            }
        }
    }

    @Test
    void placeholdersAreFilledAndCommentsDropped() {
        CqlSchema schema =
                new CqlSchema("pw_test", "{'class': 'SimpleStrategy', 'replication_factor': 3}");

        List<String> statements =
                schema.statements(
                        "-- a comment; with a semicolon\n"
                                + "CREATE KEYSPACE IF NOT EXISTS ${keyspace}\n"
                                + "  WITH replication = ${replication};\n"
                                + "CREATE TABLE IF NOT EXISTS ${keyspace}.t (k int PRIMARY KEY); --"
                                + " why\n");

        assertThat(statements)
                .containsExactly(
                        "CREATE KEYSPACE IF NOT EXISTS pw_test\n"
                                + "  WITH replication = {'class': 'SimpleStrategy',"
                                + " 'replication_factor': 3}",
                        "CREATE TABLE IF NOT EXISTS pw_test.t (k int PRIMARY KEY)");
    }

    @Test
    void editingOnlyACommentKeepsTheChecksum() {
        CqlSchema.SchemaFile original =
                new CqlSchema.SchemaFile(
                        9,
                        "V009__x.cql",
                        "-- old\nCREATE TABLE IF NOT EXISTS a (k int PRIMARY KEY);");
        CqlSchema.SchemaFile commented =
                new CqlSchema.SchemaFile(
                        9,
                        "V009__x.cql",
                        "-- new words\nCREATE TABLE IF NOT EXISTS a (k int PRIMARY KEY);\n");
        CqlSchema.SchemaFile changed =
                new CqlSchema.SchemaFile(
                        9, "V009__x.cql", "CREATE TABLE IF NOT EXISTS a (k text PRIMARY KEY);");

        assertThat(commented.checksum()).isEqualTo(original.checksum());
        assertThat(changed.checksum()).isNotEqualTo(original.checksum());
    }

    @Test
    void keyspaceNameIsValidatedBeforeItReachesCql() {
        assertThatThrownBy(() -> CqlSchema.local("bad-name; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedYamlKeepsTheNodeOnLoopbackWithoutSnapshots() {
        String yaml =
                CassandraYaml.yaml(
                        Path.of("/state/cassandra"),
                        "127.0.0.1",
                        new CassandraPorts(19042, 17000, 17199));

        assertThat(yaml)
                .contains("native_transport_port: 19042")
                .contains("storage_port: 17000")
                .contains("listen_address: 127.0.0.1")
                .contains("auto_snapshot: false")
                .contains("  - /state/cassandra/data")
                .contains("commitlog_directory: /state/cassandra/commitlog");
    }
}
