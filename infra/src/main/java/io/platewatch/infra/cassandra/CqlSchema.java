package io.platewatch.infra.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies PlateWatch's versioned CQL files (classpath folder {@code cql/}, named {@code
 * V<n>__<what>.cql}) in version order, once each. Every statement uses IF NOT EXISTS, so applying
 * again is harmless; the {@code schema_version} table records each applied file with a checksum,
 * and a file changed after it was applied is refused, because a node that already has the old
 * definition would never see the change.
 */
public final class CqlSchema {

    /** Replication of the local single-node stack. */
    public static final String LOCAL_REPLICATION =
            "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    public static final String DEFAULT_KEYSPACE = "platewatch";

    private static final Logger LOG = LoggerFactory.getLogger(CqlSchema.class);
    private static final String FOLDER = "cql";
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.cql");
    private static final Pattern KEYSPACE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    // DDL waits for every node to agree on the schema; one node agrees quickly, but slowly.
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

    private final String keyspace;
    private final String replication;

    public CqlSchema(String keyspace, String replication) {
        if (!KEYSPACE_NAME.matcher(keyspace).matches()) {
            throw new IllegalArgumentException(
                    "Keyspace name must be lower-case letters, digits and _, starting with a"
                            + " letter: "
                            + keyspace);
        }
        this.keyspace = keyspace;
        this.replication = replication;
    }

    public static CqlSchema local(String keyspace) {
        return new CqlSchema(keyspace, LOCAL_REPLICATION);
    }

    public String keyspace() {
        return keyspace;
    }

    /** Applies the files not yet recorded and returns their versions. */
    public List<Integer> apply(CqlSession session) {
        Map<Integer, String> applied = appliedChecksums(session);
        List<Integer> newlyApplied = new ArrayList<>();
        for (SchemaFile file : files()) {
            String checksum = file.checksum();
            String known = applied.get(file.version());
            if (known != null) {
                if (!known.equals(checksum)) {
                    throw new IllegalStateException(
                            "Schema file "
                                    + file.name()
                                    + " changed after it was applied to keyspace "
                                    + keyspace
                                    + ": leave applied files as they are and put the change in a"
                                    + " new V<n> file.");
                }
                continue;
            }
            for (String statement : statements(file.text())) {
                session.execute(SimpleStatement.newInstance(statement).setTimeout(DDL_TIMEOUT));
            }
            session.execute(
                    SimpleStatement.newInstance(
                                    "INSERT INTO "
                                            + keyspace
                                            + ".schema_version (version, script, checksum,"
                                            + " applied_at) VALUES (?, ?, ?, ?)",
                                    file.version(),
                                    file.name(),
                                    checksum,
                                    Instant.now())
                            .setTimeout(DDL_TIMEOUT));
            LOG.info("Applied schema file {} to keyspace {}", file.name(), keyspace);
            newlyApplied.add(file.version());
        }
        return newlyApplied;
    }

    /** The CQL statements of one file, with placeholders filled and comments removed. */
    List<String> statements(String text) {
        StringBuilder code = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int comment = line.indexOf("--");
            code.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        String filled =
                code.toString()
                        .replace("${keyspace}", keyspace)
                        .replace("${replication}", replication);
        return Arrays.stream(filled.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private Map<Integer, String> appliedChecksums(CqlSession session) {
        Map<Integer, String> applied = new HashMap<>();
        try {
            for (Row row :
                    session.execute(
                            "SELECT version, checksum FROM " + keyspace + ".schema_version")) {
                applied.put(row.getInt("version"), row.getString("checksum"));
            }
        } catch (InvalidQueryException noTableYet) {
            // A fresh node: neither the keyspace nor the ledger exists before V001 runs.
        }
        return applied;
    }

    /** The schema files on the classpath, in version order. */
    static List<SchemaFile> files() {
        URL anchor = CqlSchema.class.getClassLoader().getResource(FOLDER + "/V001__keyspace.cql");
        if (anchor == null) {
            throw new IllegalStateException("No CQL schema files on the classpath under cql/");
        }
        try {
            if ("jar".equals(anchor.getProtocol())) {
                return inJar(anchor.toURI());
            }
            return inFolder(Path.of(anchor.toURI()).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot list the CQL schema files", e);
        }
    }

    private static List<SchemaFile> inJar(URI fileInJar) throws IOException {
        FileSystem jar;
        try {
            jar = FileSystems.getFileSystem(fileInJar);
        } catch (FileSystemNotFoundException notOpenYet) {
            jar = FileSystems.newFileSystem(fileInJar, Map.of());
        }
        return inFolder(jar.getPath("/" + FOLDER));
    }

    private static List<SchemaFile> inFolder(Path folder) throws IOException {
        List<SchemaFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.toList()) {
                Matcher name = FILE_NAME.matcher(path.getFileName().toString());
                if (name.matches()) {
                    files.add(
                            new SchemaFile(
                                    Integer.parseInt(name.group(1)),
                                    path.getFileName().toString(),
                                    read(path)));
                }
            }
        }
        files.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return files;
    }

    private static String read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One versioned file. */
    record SchemaFile(int version, String name, String text) {

        /** Digest of the statements alone, so editing a comment does not count as a change. */
        String checksum() {
            String code =
                    String.join(";", new CqlSchema("checksum", "").statements(text))
                            .replaceAll("\\s+", " ");
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256")
                                .digest(code.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }
    }
}
