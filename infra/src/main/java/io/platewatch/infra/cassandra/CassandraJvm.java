package io.platewatch.infra.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the node's JVM: Java 17, the node's own classpath (resolved by the build into
 * a resource, never mixed with ours) and the flags from Cassandra's jvm17-server.options.
 */
final class CassandraJvm {

    /** Resource the infra build writes: the node's jars, separated by the path separator. */
    static final String CLASSPATH_RESOURCE =
            "/io/platewatch/infra/cassandra/cassandra-node.classpath";

    /** Module exports and opens Cassandra 5.0 needs on Java 17, as in its jvm17-server.options. */
    private static final List<String> MODULE_FLAGS =
            List.of(
                    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                    "--add-exports",
                            "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
                    "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
                    "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
                    "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
                    "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
                    "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                    "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
                    "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
                    "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
                    "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
                    "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
                    "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
                    "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
                    "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens", "java.base/java.io=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED");

    private CassandraJvm() {}

    static List<String> command(
            Path javaHome,
            Path home,
            CassandraPorts ports,
            String heap,
            List<String> extraJvmArgs,
            Path yaml) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable(javaHome).toString());
        command.add("-Xms256M");
        command.add("-Xmx" + heap);
        command.add("-XX:+UseG1GC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djdk.attach.allowAttachSelf=true");
        command.addAll(MODULE_FLAGS);
        command.add("-Dio.netty.tryReflectionSetAccessible=true");
        command.add("-Dcassandra.config=" + yaml.toUri());
        command.add("-Dlogback.configurationFile=" + home.resolve("logback.xml"));
        command.add("-Dcassandra.logdir=" + home.resolve("logs"));
        command.add("-Dcassandra.storagedir=" + home);
        command.add("-Dcassandra.jmx.local.port=" + ports.jmx());
        // Without it the daemon closes stdout and detaches from the launcher.
        command.add("-Dcassandra-foreground=yes");
        // A single node has no gossip to wait for; this saves ~30 s of start-up.
        command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        command.addAll(extraJvmArgs);
        command.add("-cp");
        command.add(classpath());
        command.add("org.apache.cassandra.service.CassandraDaemon");
        return command;
    }

    static String classpath() {
        try (InputStream in = CassandraJvm.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Cassandra node classpath resource "
                                + CLASSPATH_RESOURCE
                                + " is missing: build the infra module (mvn -pl infra"
                                + " process-resources) so it resolves cassandra-all.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The java launcher of {@code javaHome}, which must be a Java 17 home: the node refuses newer
     * runtimes (it installs a security manager) and older ones lack its APIs.
     */
    static Path javaExecutable(Path javaHome) {
        String version = releaseVersion(javaHome);
        if (!version.equals("17") && !version.startsWith("17.")) {
            throw new IllegalStateException(
                    "Cassandra 5.0 runs on Java 17 only, but "
                            + javaHome
                            + " is Java "
                            + version
                            + ": set cassandra.java.home in the stack configuration"
                            + " (platewatch.stack.cassandra.java.home) to a Java 17 home.");
        }
        return javaHome.resolve("bin").resolve("java");
    }

    /** JAVA_VERSION from the JDK's release file, or the running JVM's when it is that JDK. */
    private static String releaseVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
                }
            }
        } catch (IOException unreadable) {
            // Fall through: judge by the running JVM when it is the one asked about.
        }
        if (javaHome.equals(Path.of(System.getProperty("java.home")))) {
            return Integer.toString(Runtime.version().feature());
        }
        return "unknown (no release file in " + javaHome + ")";
    }
}
