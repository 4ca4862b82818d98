package io.platewatch.infra.testing;

import io.platewatch.infra.kafka.KafkaServer;
import io.platewatch.infra.registry.RegistryServer;
import io.platewatch.infra.stack.LocalStack;
import io.platewatch.infra.stack.ManagedServer;
import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.infra.stack.StackConfig;
import io.platewatch.infra.stack.StackListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Real servers for integration tests, started once per test JVM and shared by every test class that
 * uses this extension. Each server is a child process on a free loopback port, with its state under
 * {@code target/local-stack/<pid>/}; they are stopped when the test run ends (through the root
 * context's store) or, failing that, when the JVM exits.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class AlertsIT {
 *     @Test
 *     void ...() {
 *         props.put("bootstrap.servers", LocalStackExtension.kafkaBootstrapServers());
 *         props.put("schema.registry.url", LocalStackExtension.registryUrl());
 *     }
 * }
 * }</pre>
 *
 * <p>A class chooses its servers with {@link StackServices}; otherwise the configuration parameter
 * (or system property) {@code platewatch.stack.services} applies, else Kafka and the registry.
 * Servers requested by a later class are started then and join the shared stack. Every {@code
 * platewatch.stack.*} system property is passed on as stack configuration (for instance {@code
 * platewatch.stack.readiness.timeout.seconds}); ports default to free ones.
 */
public final class LocalStackExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);

    private static final String SERVICES_PARAMETER = "platewatch.stack.services";
    private static final String STATE_DIR_PARAMETER = "platewatch.stack.dir";

    /** The stack of this JVM, set by the first {@code beforeAll}. */
    private static volatile SharedStack shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedStack stack =
                context.getRoot()
                        .getStore(NAMESPACE)
                        .getOrComputeIfAbsent(
                                SharedStack.class,
                                key -> SharedStack.create(stateDir(context)),
                                SharedStack.class);
        shared = stack;
        stack.ensure(requestedServices(context));
    }

    /** Bootstrap servers of the Kafka broker, {@code 127.0.0.1:<port>}. */
    public static String kafkaBootstrapServers() {
        return server(ServiceKind.KAFKA, KafkaServer.class).bootstrapServers();
    }

    /**
     * Base URL of the registry's Confluent API, {@code http://127.0.0.1:<port>/apis/ccompat/v7}.
     */
    public static String registryUrl() {
        return server(ServiceKind.REGISTRY, RegistryServer.class).confluentApiUrl();
    }

    /** The running server of one service, as its class, for servers added after these. */
    public static <T extends ManagedServer> T server(ServiceKind kind, Class<T> type) {
        SharedStack stack = shared;
        if (stack == null || !stack.isUp(kind)) {
            throw new IllegalStateException(
                    kind.serviceName()
                            + " is not running: annotate the test class with"
                            + " @ExtendWith(LocalStackExtension.class) and request it with"
                            + " @StackServices or -D"
                            + SERVICES_PARAMETER);
        }
        return stack.stack.server(kind, type);
    }

    /** The shared stack itself, for tests that stop and restart a server on purpose. */
    public static LocalStack stack() {
        SharedStack stack = shared;
        if (stack == null) {
            throw new IllegalStateException("LocalStackExtension has not started a stack");
        }
        return stack.stack;
    }

    private static Set<ServiceKind> requestedServices(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), StackServices.class)
                .map(services -> Set.of(services.value()))
                .or(
                        () ->
                                context.getConfigurationParameter(SERVICES_PARAMETER)
                                        .map(ServiceKind::parse)
                                        .map(Set::copyOf))
                // Cassandra is slow to start: a test class asks for it explicitly.
                .orElseGet(() -> Set.of(ServiceKind.KAFKA, ServiceKind.REGISTRY));
    }

    private static Path stateDir(ExtensionContext context) {
        Path base =
                context.getConfigurationParameter(STATE_DIR_PARAMETER)
                        .map(Path::of)
                        .orElse(Path.of("target", "local-stack"));
        return base.resolve(Long.toString(ProcessHandle.current().pid()));
    }

    /**
     * The stack shared by all test classes of the JVM. JUnit closes it when the whole run ends; the
     * shutdown hook covers a JVM that exits without closing the store.
     */
    private static final class SharedStack implements AutoCloseable {

        private final LocalStack stack;
        private final Set<ServiceKind> up = EnumSet.noneOf(ServiceKind.class);
        private final Thread shutdownHook;

        private SharedStack(LocalStack stack) {
            this.stack = stack;
            this.shutdownHook = new Thread(stack::down, "local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        static SharedStack create(Path stateDir) {
            Properties properties = new Properties();
            // Free ports unless the run pins them.
            properties.setProperty("kafka.port", "0");
            properties.setProperty("kafka.controller.port", "0");
            properties.setProperty("registry.port", "0");
            properties.setProperty("cassandra.port", "0");
            properties.setProperty("cassandra.storage.port", "0");
            properties.setProperty("cassandra.jmx.port", "0");
            properties.setProperty("elasticsearch.port", "0");
            properties.setProperty("elasticsearch.transport.port", "0");
            properties.putAll(StackConfig.fromSystemProperties());
            properties.remove("services");
            properties.remove("dir");
            return new SharedStack(
                    new LocalStack(new StackConfig(stateDir, properties), StackListener.NONE));
        }

        synchronized void ensure(Set<ServiceKind> wanted) {
            if (up.containsAll(wanted)) {
                return;
            }
            stack.up(wanted);
            up.addAll(wanted);
        }

        synchronized boolean isUp(ServiceKind kind) {
            return up.contains(kind);
        }

        @Override
        public synchronized void close() {
            try {
                stack.down();
            } finally {
                up.clear();
                removeShutdownHook();
                deleteData(stack.config().stateDir());
            }
        }

        private void removeShutdownHook() {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook runs or has run.
            }
        }

        /** Keeps the logs of the run for a look after a failure, drops the servers' data. */
        private static void deleteData(Path stateDir) {
            try (Stream<Path> serverDirs = Files.list(stateDir)) {
                for (Path dataDir :
                        serverDirs
                                .map(dir -> dir.resolve("data"))
                                .filter(Files::isDirectory)
                                .toList()) {
                    deleteTree(dataDir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean " + stateDir, e);
            }
        }

        private static void deleteTree(Path root) throws IOException {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        }
    }
}
