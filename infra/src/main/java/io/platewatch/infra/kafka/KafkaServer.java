package io.platewatch.infra.kafka;

import io.platewatch.infra.process.Ports;
import io.platewatch.infra.stack.JvmServer;
import io.platewatch.infra.stack.ServerStartException;
import io.platewatch.infra.stack.StackConfig;
import io.platewatch.infra.stack.StackListener;
import io.platewatch.schemas.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka 4 broker in KRaft mode (broker and controller in one JVM), run as {@code java -cp <server
 * classpath> kafka.Kafka server.properties}. The storage is formatted once with
 * kafka.tools.StorageTool; later starts reuse the data, so topics and records survive a restart.
 * Once the broker answers, {@link #provision} creates the catalogue's topics.
 *
 * <p>The broker's classpath is the resolved runtime classpath of the Kafka server artifacts that
 * the build writes into the resource {@value #CLASSPATH_RESOURCE}; the jars stay in the local Maven
 * repository.
 */
public final class KafkaServer extends JvmServer {

    public static final String NAME = "kafka";

    static final String CLASSPATH_RESOURCE = "kafka-server.classpath";

    private static final int DEFAULT_CLIENT_PORT = 9092;
    private static final int DEFAULT_CONTROLLER_PORT = 9093;
    private static final String DEFAULT_HEAP = "768m";
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    public KafkaServer(StackConfig config) {
        super(NAME, config, ports(config));
    }

    private static Map<String, Integer> ports(StackConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("client", config.port("kafka.port", DEFAULT_CLIENT_PORT));
        ports.put("controller", config.port("kafka.controller.port", DEFAULT_CONTROLLER_PORT));
        return ports;
    }

    /** The bootstrap servers clients use, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return Ports.HOST + ":" + port("client");
    }

    @Override
    public String endpoint() {
        return bootstrapServers();
    }

    private Path dataDir() {
        return dir().resolve("data");
    }

    private Path serverProperties() {
        return dir().resolve("server.properties");
    }

    private Path loggingConfig() {
        return dir().resolve("log4j2.properties");
    }

    @Override
    protected void prepare() throws IOException {
        Map<String, String> broker =
                BrokerProperties.of(
                        port("client"),
                        port("controller"),
                        dataDir(),
                        config().withPrefix("kafka.override."));
        writeProperties(serverProperties(), broker);
        copyResource("log4j2-broker.properties", loggingConfig());
        if (clusterId().isEmpty()) {
            format();
        }
    }

    /** Formats the KRaft storage under a new cluster id; runs only on a fresh data folder. */
    private void format() throws IOException {
        List<String> command = new ArrayList<>(javaPrefix("256m"));
        command.addAll(
                List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "--cluster-id",
                        Uuid.randomUuid().toString(),
                        "--config",
                        serverProperties().toString()));
        runTool(command, "format.log", FORMAT_TIMEOUT);
    }

    @Override
    protected List<String> command() {
        List<String> command = new ArrayList<>(javaPrefix(config().heap(NAME, DEFAULT_HEAP)));
        command.add("kafka.Kafka");
        command.add(serverProperties().toString());
        return command;
    }

    private List<String> javaPrefix(String heap) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.add("-Xms128m");
        command.add("-Xmx" + heap);
        command.add("-XX:+UseG1GC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + loggingConfig());
        // Log4j's own shutdown hook would stop logging while the broker's hook is still shutting
        // down, and the end of a stop would be missing from the log.
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.addAll(extraJvmArgs());
        command.add("-cp");
        command.add(serverClasspath());
        return command;
    }

    /**
     * Passes only when the broker on our port belongs to the cluster formatted in our data folder,
     * so a foreign broker on the same port is never taken for ours.
     */
    @Override
    protected boolean answers() {
        if (!Ports.accepts(port("client"), 500)) {
            return false;
        }
        try (Admin admin = Admin.create(adminProperties(Duration.ofSeconds(3)))) {
            String answered = admin.describeCluster().clusterId().get(4, TimeUnit.SECONDS);
            return clusterId().map(answered::equals).orElse(false);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void provision(StackListener listener) {
        List<Topic> topics = Arrays.asList(Topic.values());
        try (Admin admin = Admin.create(adminProperties(ADMIN_TIMEOUT))) {
            new TopicCatalogue(admin, ADMIN_TIMEOUT).ensure(topics);
        }
        listener.provisioned(NAME, topics.size() + " topics with leaders");
    }

    /** Properties for an admin client of this broker with the given request timeout. */
    public Properties adminProperties(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return props;
    }

    /** The cluster id written by the storage format, empty before the first format. */
    private java.util.Optional<String> clusterId() {
        Path meta = dataDir().resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return java.util.Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return java.util.Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    private static String serverClasspath() {
        String classpath = readResource(CLASSPATH_RESOURCE).trim();
        for (String jar : classpath.split(java.io.File.pathSeparator)) {
            if (!Files.exists(Path.of(jar))) {
                throw new ServerStartException(
                        "kafka cannot start: "
                                + jar
                                + " from the broker classpath is missing; rebuild infra"
                                + " (mvn -pl infra package) to resolve it again");
            }
        }
        return classpath;
    }

    private static String readResource(String name) {
        try (InputStream in = KafkaServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ServerStartException(
                        "kafka cannot start: resource "
                                + name
                                + " is missing; it is written by the infra build"
                                + " (mvn -pl infra package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = KafkaServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the infra jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeProperties(Path file, Map<String, String> values) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("# Written by the PlateWatch launcher on every start; edits are lost.\n");
            writer.write("# Override a setting with kafka.override.<key>=<value> instead.\n");
            for (Map.Entry<String, String> entry : values.entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
    }
}
