package io.platewatch.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.platewatch.infra.process.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A server that cannot come up gives an error that says why, and the stack leaves no process and no
 * bound port behind, including servers it had already started.
 */
class StartupFailureTest {

    private static final long PID = ProcessHandle.current().pid();

    @Test
    void takenRegistryPortIsReportedAndTheAlreadyStartedBrokerIsStopped() throws IOException {
        int registryPort = Ports.freePort();
        StackConfig config = config("taken-port", registryPort, Map.of());
        RecordingListener listener = new RecordingListener();

        try (ServerSocket squatter =
                new ServerSocket(registryPort, 1, InetAddress.getByName(Ports.HOST))) {
            ServerStartException failure =
                    catchThrowableOfType(
                            ServerStartException.class,
                            () -> new LocalStack(config, listener).up());

            assertThat(failure)
                    .hasMessageContaining("registry cannot start")
                    .hasMessageContaining("port " + registryPort)
                    .hasMessageContaining("already in use");
        }
        assertThat(listener.startedPids).hasSize(1);
        assertNothingLeft(config, listener);
    }

    @Test
    void serverThatExitsDuringStartupIsReportedWithItsLogTail() {
        StackConfig config =
                config(
                        "exits",
                        Ports.freePort(),
                        Map.of(
                                "services",
                                "registry",
                                "registry.jvm.args",
                                "-XX:+NoSuchPlateWatchOption"));
        RecordingListener listener = new RecordingListener();

        ServerStartException failure =
                catchThrowableOfType(
                        ServerStartException.class, () -> new LocalStack(config, listener).up());

        assertThat(failure)
                .hasMessageContaining("registry exited with code 1 before it answered")
                .hasMessageContaining("last lines of")
                .hasMessageContaining("NoSuchPlateWatchOption");
        assertNothingLeft(config, listener);
    }

    @Test
    void serverThatMissesItsReadinessTimeoutIsStoppedAndReported() {
        StackConfig config =
                config(
                        "timeout",
                        Ports.freePort(),
                        Map.of("services", "registry", "registry.readiness.timeout.seconds", "1"));
        RecordingListener listener = new RecordingListener();

        ServerStartException failure =
                catchThrowableOfType(
                        ServerStartException.class, () -> new LocalStack(config, listener).up());

        assertThat(failure)
                .hasMessageContaining("registry did not answer within 1 s")
                .hasMessageContaining("registry.log");
        assertThat(listener.startedPids).hasSize(1);
        assertNothingLeft(config, listener);
    }

    private static void assertNothingLeft(StackConfig config, RecordingListener listener) {
        listener.startedPids.forEach(
                pid ->
                        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                                .as("pid " + pid)
                                .isEmpty());
        for (ServiceKind kind : config.services()) {
            ManagedServer server = new LocalStack(config, StackListener.NONE).server(kind);
            assertThat(server.isRunning()).as(kind.serviceName()).isFalse();
            assertThat(server.ports().values()).allMatch(Ports::isFree);
            assertThat(config.serverDir(kind.serviceName()).resolve("process.properties"))
                    .doesNotExist();
        }
    }

    private static StackConfig config(String name, int registryPort, Map<String, String> extra) {
        Properties properties = new Properties();
        properties.setProperty("kafka.port", "0");
        properties.setProperty("kafka.controller.port", "0");
        properties.setProperty("registry.port", Integer.toString(registryPort));
        // Only the two servers under test: the default set would also claim Cassandra's ports.
        properties.setProperty("services", "kafka,registry");
        properties.putAll(extra);
        return new StackConfig(Path.of("target", "startup-failure", PID + "-" + name), properties);
    }

    /** Remembers the pid of every server the stack launched. */
    private static final class RecordingListener implements StackListener {
        final List<Long> startedPids = new ArrayList<>();

        @Override
        public void started(String server, long pid) {
            startedPids.add(pid);
        }
    }
}
