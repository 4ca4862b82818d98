package io.platewatch.infra.elasticsearch;

import io.platewatch.infra.stack.ServerStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the infra build leaves for the Elasticsearch node (see {@code
 * servers/elasticsearch/pom.xml}): the resolved jar lists of the server and of the transport
 * plugin, and the compiled node main. The jars stay in the local Maven repository; only their paths
 * travel in these resources.
 */
final class ElasticsearchNodeFiles {

    private static final String BASE = "/io/platewatch/infra/elasticsearch/";
    private static final String NODE_CLASSPATH = BASE + "elasticsearch-node.classpath";
    private static final String SERVER_CLASSPATH = BASE + "elasticsearch-server.classpath";
    private static final String MAIN_CLASS_FILE =
            "io/platewatch/esnode/ElasticsearchNodeMain.class";

    /** The node's main class, run on the class path beside the server's module path. */
    static final String MAIN_CLASS = "io.platewatch.esnode.ElasticsearchNodeMain";

    private ElasticsearchNodeFiles() {}

    /** The server's jars: its module path. */
    static List<Path> serverJars() {
        return jars(SERVER_CLASSPATH);
    }

    /** The transport-netty4 plugin's jars: every node jar that is not a server jar. */
    static List<Path> pluginJars() {
        Set<Path> plugin = new LinkedHashSet<>(jars(NODE_CLASSPATH));
        plugin.removeAll(serverJars());
        return List.copyOf(plugin);
    }

    /** Copies the compiled node main under {@code target} (a class-path folder). */
    static void extractMain(Path target) throws IOException {
        Path file = target.resolve(MAIN_CLASS_FILE);
        Files.createDirectories(file.getParent());
        try (InputStream in = open(BASE + "node-main/" + MAIN_CLASS_FILE)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> jars(String resource) {
        try (InputStream in = open(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<Path> jars = Arrays.stream(text.split(":")).map(Path::of).toList();
            for (Path jar : jars) {
                if (!Files.isRegularFile(jar)) {
                    throw new ServerStartException(
                            "elasticsearch cannot start: "
                                    + jar
                                    + " is missing from the local Maven repository; rebuild"
                                    + " infra (mvn -pl infra package) to resolve it again");
                }
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ElasticsearchNodeFiles.class.getResourceAsStream(resource);
        if (in == null) {
            throw new ServerStartException(
                    "elasticsearch cannot start: resource "
                            + resource
                            + " is missing; the infra build writes it (mvn -pl infra"
                            + " generate-resources needs a JDK 21+ at elasticsearch.java.home)");
        }
        return in;
    }
}
