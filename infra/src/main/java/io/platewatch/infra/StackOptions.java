package io.platewatch.infra;

import io.platewatch.infra.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Options shared by every command. Settings are layered: the properties file, then {@code
 * platewatch.stack.*} system properties, then these flags.
 */
final class StackOptions {

    @Option(
            names = "--state-dir",
            defaultValue = "${env:PLATEWATCH_STATE_DIR:-.platewatch}",
            description = "Folder of all state: data, logs, pids (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(
            names = "--config",
            description =
                    "Properties file of the stack (default: <state-dir>/stack.properties when it"
                            + " exists).")
    Path configFile;

    @Option(
            names = "--services",
            split = ",",
            description = "Services to start, in any order (default: kafka,registry,cassandra).")
    List<String> services;

    @Option(names = "--kafka-port", description = "Kafka client port (default 9092, 0 = any).")
    Integer kafkaPort;

    @Option(
            names = "--kafka-controller-port",
            description = "Kafka KRaft controller port (default 9093, 0 = any).")
    Integer kafkaControllerPort;

    @Option(
            names = "--registry-port",
            description = "Schema registry HTTP port (default 8081, 0 = any).")
    Integer registryPort;

    @Option(
            names = "--timeout",
            description = "Seconds each server may take to answer (default 180).")
    Long readinessTimeoutSeconds;

    StackConfig toConfig() {
        Path file = configFile != null ? configFile : stateDir.resolve("stack.properties");
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("configuration file " + configFile + " not found");
        }
        Properties properties = StackConfig.load(file);
        properties.putAll(StackConfig.fromSystemProperties());
        if (services != null) {
            properties.setProperty("services", String.join(",", services));
        }
        putIfSet(properties, "kafka.port", kafkaPort);
        putIfSet(properties, "kafka.controller.port", kafkaControllerPort);
        putIfSet(properties, "registry.port", registryPort);
        putIfSet(properties, "readiness.timeout.seconds", readinessTimeoutSeconds);
        return new StackConfig(stateDir, properties);
    }

    private static void putIfSet(Properties properties, String key, Object value) {
        if (value != null) {
            properties.setProperty(key, value.toString());
        }
    }
}
