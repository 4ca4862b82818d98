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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The servers of the demo, through infra's launcher in this JVM. Kafka and the registry must come
 * up or the demo stops; Cassandra and Elasticsearch are optional: one that fails to start is
 * reported and the demo runs without the job that needs it.
 *
 * <p>The servers start on a thread of their own. A stop that comes while one is still starting does
 * not interrupt that thread (the launcher would then kill the server without its SIGTERM grace);
 * instead {@link #down} stops the servers from their records in the state folder, with SIGTERM
 * first, until the starting thread has given up.
 */
final class StackPhase {

    /** Longest wait for the starting thread once its servers are being stopped. */
    private static final Duration STARTER_WAIT = Duration.ofMinutes(3);

    private static final Duration STARTER_POLL = Duration.ofSeconds(2);

    private final StackConfig config;
    private final DemoListener listener;
    private final List<ServiceKind> wanted;
    private final Set<ServiceKind> running = EnumSet.noneOf(ServiceKind.class);
    private Thread starter;

    StackPhase(DemoSettings settings, DemoListener listener) {
        Properties properties = new Properties();
        properties.putAll(settings.stackProperties());
        properties.setProperty(
                "services",
                settings.services().stream()
                        .map(ServiceKind::serviceName)
                        .collect(Collectors.joining(",")));
        this.config = new StackConfig(settings.stateDir(), properties);
        this.listener = listener;
        this.wanted = settings.services();
    }

    /**
     * Brings up the required servers, then each optional one, and waits for them.
     *
     * @throws InterruptedException when a stop interrupted the wait; the servers keep starting
     *     until {@link #down}
     * @throws DemoStoppedException when the start saw a stop request between two servers
     */
    Endpoints up(BooleanSupplier stopRequested) throws InterruptedException {
        FutureTask<Endpoints> start = new FutureTask<>(() -> startAll(stopRequested));
        synchronized (this) {
            starter = new Thread(start, "demo-stack-start");
            starter.setDaemon(true);
            starter.start();
        }
        try {
            return start.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DemoStartException("the stack did not start", e.getCause());
        }
    }

    private Endpoints startAll(BooleanSupplier stopRequested) {
        LocalStack stack = new LocalStack(config, listener);
        stack.up(DemoSettings.REQUIRED);
        synchronized (this) {
            running.addAll(DemoSettings.REQUIRED);
        }
        for (ServiceKind kind : wanted) {
            if (running().contains(kind)) {
                continue;
            }
            if (stopRequested.getAsBoolean()) {
                throw new DemoStoppedException();
            }
            Optional<String> missing = missingPrerequisite(stack, kind);
            if (missing.isPresent()) {
                listener.warning(kind.serviceName() + " is not started: " + missing.get());
                continue;
            }
            try {
                stack.up(List.of(kind));
                synchronized (this) {
                    running.add(kind);
                }
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
        return endpoints(stack);
    }

    /** The services that answered. */
    synchronized Set<ServiceKind> running() {
        return running.isEmpty() ? EnumSet.noneOf(ServiceKind.class) : EnumSet.copyOf(running);
    }

    /** Every port of every server of the stack, by server, to check after the stop. */
    Map<String, List<Integer>> ports() {
        LocalStack stack = fromRecords();
        Map<String, List<Integer>> ports = new TreeMap<>();
        for (ServiceKind kind : wanted) {
            ports.put(kind.serviceName(), new ArrayList<>(stack.server(kind).ports().values()));
        }
        return ports;
    }

    /** Pids of the servers that run now. */
    List<Long> pids() {
        LocalStack stack = fromRecords();
        List<Long> pids = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            stack.server(kind).status().pid().ifPresent(pids::add);
        }
        return pids;
    }

    /** A new driver session on the Cassandra node; the caller closes it. */
    CqlSession cassandraSession() {
        return fromRecords()
                .server(ServiceKind.CASSANDRA, CassandraServer.class)
                .session(Duration.ofSeconds(30));
    }

    /**
     * Stops every server recorded in the state folder, the last started first. While the starting
     * thread still runs, it repeats the stop, so that a server launched in the meantime is stopped
     * too and the thread, seeing its server gone, gives up.
     */
    void down() throws InterruptedException {
        Thread start;
        synchronized (this) {
            start = starter;
        }
        long deadline = System.nanoTime() + STARTER_WAIT.toNanos();
        while (start != null && start.isAlive() && System.nanoTime() < deadline) {
            fromRecords().down();
            start.join(STARTER_POLL.toMillis());
        }
        fromRecords().down();
    }

    /**
     * A launcher on the same state folder: servers are found from their process records, so it
     * works while the starting thread holds its own launcher.
     */
    private LocalStack fromRecords() {
        return new LocalStack(config, listener);
    }

    private Endpoints endpoints(LocalStack stack) {
        Set<ServiceKind> up = running();
        CassandraServer cassandra = stack.server(ServiceKind.CASSANDRA, CassandraServer.class);
        return new Endpoints(
                stack.server(ServiceKind.KAFKA, KafkaServer.class).bootstrapServers(),
                stack.server(ServiceKind.REGISTRY, RegistryServer.class).confluentApiUrl(),
                up.contains(ServiceKind.CASSANDRA)
                        ? Optional.of(cassandra.endpoint())
                        : Optional.empty(),
                cassandra.keyspace(),
                up.contains(ServiceKind.ELASTICSEARCH)
                        ? Optional.of(
                                stack.server(ServiceKind.ELASTICSEARCH, ElasticsearchServer.class)
                                        .baseUrl())
                        : Optional.empty());
    }

    /** Elasticsearch 9 needs a JDK 21 or later; say so before trying, not after a long wait. */
    private static Optional<String> missingPrerequisite(LocalStack stack, ServiceKind kind) {
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
