package io.platewatch.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import io.platewatch.infra.cassandra.CassandraServer;
import io.platewatch.infra.elasticsearch.ElasticsearchServer;
import io.platewatch.infra.kafka.KafkaServer;
import io.platewatch.infra.registry.RegistryServer;
import io.platewatch.infra.stack.LocalStack;
import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.infra.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The servers of the demo, through infra's launcher in this JVM. Kafka and the registry must come
 * up or the demo stops; Cassandra and Elasticsearch are optional: one that fails to start is
 * reported and the demo runs without the job that needs it.
 */
final class StackPhase {

    private final LocalStack stack;
    private final List<ServiceKind> wanted;
    private final Set<ServiceKind> running = EnumSet.noneOf(ServiceKind.class);

    StackPhase(DemoSettings settings, DemoListener listener) {
        Properties properties = new Properties();
        properties.putAll(settings.stackProperties());
        properties.setProperty(
                "services",
                settings.services().stream()
                        .map(ServiceKind::serviceName)
                        .collect(Collectors.joining(",")));
        this.stack = new LocalStack(new StackConfig(settings.stateDir(), properties), listener);
        this.wanted = settings.services();
    }

    /**
     * Brings up the required servers, then each optional one.
     *
     * @throws DemoStoppedException when a stop was asked for while a server was starting
     */
    Endpoints up(DemoListener listener, BooleanSupplier stopRequested) {
        stack.up(DemoSettings.REQUIRED);
        running.addAll(DemoSettings.REQUIRED);
        for (ServiceKind kind : wanted) {
            if (running.contains(kind)) {
                continue;
            }
            if (stopRequested.getAsBoolean()) {
                throw new DemoStoppedException();
            }
            Optional<String> missing = missingPrerequisite(kind);
            if (missing.isPresent()) {
                listener.warning(kind.serviceName() + " is not started: " + missing.get());
                continue;
            }
            try {
                stack.up(List.of(kind));
                running.add(kind);
            } catch (RuntimeException e) {
                if (stopRequested.getAsBoolean()) {
                    throw new DemoStoppedException();
                }
                listener.warning(
                        kind.serviceName()
                                + " did not start, the demo runs without it: "
                                + firstLine(e.getMessage()));
            }
        }
        return endpoints();
    }

    /** The services that answered. */
    Set<ServiceKind> running() {
        return EnumSet.copyOf(running);
    }

    /** Every port of every server of the stack, by server, to check after the stop. */
    Map<String, List<Integer>> ports() {
        Map<String, List<Integer>> ports = new TreeMap<>();
        for (ServiceKind kind : wanted) {
            ports.put(kind.serviceName(), new ArrayList<>(stack.server(kind).ports().values()));
        }
        return ports;
    }

    /** Pids of the servers that run now. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            stack.server(kind).status().pid().ifPresent(pids::add);
        }
        return pids;
    }

    /** A new driver session on the Cassandra node; the caller closes it. */
    CqlSession cassandraSession() {
        return stack.server(ServiceKind.CASSANDRA, CassandraServer.class)
                .session(Duration.ofSeconds(30));
    }

    /** Stops every server recorded in the state folder, the last started first. */
    void down() {
        stack.down();
    }

    boolean anyRunning() {
        return stack.anyRunning();
    }

    private Endpoints endpoints() {
        Optional<String> cassandra =
                running.contains(ServiceKind.CASSANDRA)
                        ? Optional.of(
                                stack.server(ServiceKind.CASSANDRA, CassandraServer.class)
                                        .endpoint())
                        : Optional.empty();
        String keyspace = stack.server(ServiceKind.CASSANDRA, CassandraServer.class).keyspace();
        Optional<String> elasticsearch =
                running.contains(ServiceKind.ELASTICSEARCH)
                        ? Optional.of(
                                stack.server(ServiceKind.ELASTICSEARCH, ElasticsearchServer.class)
                                        .baseUrl())
                        : Optional.empty();
        return new Endpoints(
                stack.server(ServiceKind.KAFKA, KafkaServer.class).bootstrapServers(),
                stack.server(ServiceKind.REGISTRY, RegistryServer.class).confluentApiUrl(),
                cassandra,
                keyspace,
                elasticsearch);
    }

    /** Elasticsearch 9 needs a JDK 21 or later; say so before trying, not after a long wait. */
    private Optional<String> missingPrerequisite(ServiceKind kind) {
        if (kind == ServiceKind.ELASTICSEARCH) {
            Path javaHome =
                    stack.server(ServiceKind.ELASTICSEARCH, ElasticsearchServer.class).javaHome();
            if (!Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
                return Optional.of(
                        "it needs a JDK 21 or later at "
                                + javaHome
                                + " (set elasticsearch.java.home in stack.properties)");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
