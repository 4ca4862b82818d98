package io.platewatch.infra.stack;

import io.platewatch.infra.process.Ports;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Settings of one local stack: the folder that holds all of its state, the services it runs and,
 * per service, ports, heap, JDK and timeouts. Values come from plain properties (a file, CLI flags
 * or {@code platewatch.stack.*} system properties); everything has a default, so an empty set of
 * properties gives the standard developer stack on the well-known ports.
 *
 * <p>A port set to 0 means "any free port": it is picked once, on first use, and kept for the life
 * of this object so every server and client of the stack agrees on it.
 */
public final class StackConfig {

    /** Prefix of the system properties that configure the stack (tests, Maven command lines). */
    public static final String SYSTEM_PROPERTY_PREFIX = "platewatch.stack.";

    /** Services started when none are listed. */
    public static final String DEFAULT_SERVICES = "kafka,registry,cassandra";

    private static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path stateDir;
    private final Properties properties;
    private final Map<String, Integer> resolvedPorts = new ConcurrentHashMap<>();

    public StackConfig(Path stateDir, Properties properties) {
        this.stateDir = stateDir.toAbsolutePath().normalize();
        this.properties = new Properties();
        this.properties.putAll(properties);
    }

    /** Reads a properties file; an absent file gives no properties. */
    public static Properties load(Path file) {
        Properties properties = new Properties();
        if (!Files.isRegularFile(file)) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stack configuration " + file, e);
        }
        return properties;
    }

    /** The {@code platewatch.stack.*} system properties, with the prefix removed. */
    public static Properties fromSystemProperties() {
        Properties properties = new Properties();
        System.getProperties()
                .stringPropertyNames()
                .forEach(
                        name -> {
                            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                                properties.setProperty(
                                        name.substring(SYSTEM_PROPERTY_PREFIX.length()),
                                        System.getProperty(name));
                            }
                        });
        return properties;
    }

    /** The one folder that holds every server's data, logs and process record. */
    public Path stateDir() {
        return stateDir;
    }

    /** The folder of one server under the state folder. */
    public Path serverDir(String server) {
        return stateDir.resolve(server);
    }

    /** Services to start, from {@code services} (comma separated), in start order. */
    public List<ServiceKind> services() {
        return ServiceKind.parse(get("services", DEFAULT_SERVICES));
    }

    /** A port setting; 0 picks a free port once. */
    public int port(String key, int defaultPort) {
        return resolvedPorts.computeIfAbsent(
                key,
                k -> {
                    int configured = Integer.parseInt(get(k, Integer.toString(defaultPort)).trim());
                    return configured == 0 ? Ports.freePort() : configured;
                });
    }

    /** {@code <server>.readiness.timeout.seconds}, else {@code readiness.timeout.seconds}. */
    public Duration readinessTimeout(String server) {
        return seconds(server + ".readiness.timeout.seconds", "readiness.timeout.seconds")
                .orElse(DEFAULT_READINESS_TIMEOUT);
    }

    /** Grace period between SIGTERM and SIGKILL: {@code stop.timeout.seconds}. */
    public Duration stopTimeout() {
        return seconds("stop.timeout.seconds", "stop.timeout.seconds").orElse(DEFAULT_STOP_TIMEOUT);
    }

    /**
     * The JDK a server runs on: {@code <server>.java.home}, else {@code java.home} of this file,
     * else the JDK running the launcher.
     */
    public Path javaHome(String server) {
        String fallback = get("java.home", System.getProperty("java.home"));
        return Path.of(get(server + ".java.home", fallback));
    }

    /** Maximum heap of a server's JVM ({@code <server>.heap}), in the JVM's -Xmx notation. */
    public String heap(String server, String defaultHeap) {
        return get(server + ".heap", defaultHeap);
    }

    /** Every property under {@code prefix}, prefix removed, sorted by key. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> selected = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                selected.put(name.substring(prefix.length()), properties.getProperty(name));
            }
        }
        return selected;
    }

    /** A raw setting. */
    public String get(String key, String defaultValue) {
        return properties.getProperty(key, defaultValue);
    }

    private java.util.Optional<Duration> seconds(String key, String fallbackKey) {
        String value = properties.getProperty(key, properties.getProperty(fallbackKey));
        return java.util.Optional.ofNullable(value)
                .map(String::trim)
                .map(Long::parseLong)
                .map(Duration::ofSeconds);
    }
}
