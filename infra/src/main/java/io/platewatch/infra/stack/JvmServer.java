package io.platewatch.infra.stack;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.platewatch.infra.process.LogTail;
import io.platewatch.infra.process.Ports;
import io.platewatch.infra.process.ProcessRecord;
import io.platewatch.infra.process.ProcessStopper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A server that runs as a separate JVM, child of the launcher. This class owns the mechanics every
 * such server shares: the port check before launch, the log file that takes the child's stdout and
 * stderr, the process record in the server's folder, the bounded readiness wait that gives up as
 * soon as the process dies, and the stop that also reaps the process's descendants.
 *
 * <p>Subclasses say how to prepare the folder, what command to run and how to tell that the server
 * answers.
 */
public abstract class JvmServer implements ManagedServer {

    /** Lines of the server's log quoted when it fails to come up. */
    private static final int LOG_TAIL_LINES = 40;

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final String name;
    private final StackConfig config;
    private final Map<String, Integer> configuredPorts;
    private final Path dir;

    /** The child started by this object, if any; it gives the exit code a bare pid cannot. */
    private Process child;

    private Instant launchedAt;

    protected JvmServer(String name, StackConfig config, Map<String, Integer> configuredPorts) {
        this.name = name;
        this.config = config;
        this.configuredPorts = new LinkedHashMap<>(configuredPorts);
        this.dir = config.serverDir(name);
    }

    /** Prepares the server folder before each launch (config files, storage format). */
    protected abstract void prepare() throws IOException;

    /** The full command line, starting with the java binary. */
    protected abstract List<String> command() throws IOException;

    /** One quick readiness probe; must return within a few seconds and never throw. */
    protected abstract boolean answers();

    @Override
    public String name() {
        return name;
    }

    /** Ports of the running process if there is one (it may have been started with other flags). */
    @Override
    public Map<String, Integer> ports() {
        Map<String, Integer> recorded = liveRecord().map(ProcessRecord::ports).orElse(Map.of());
        Map<String, Integer> ports = new LinkedHashMap<>();
        // Keep the configured role order: the first port is the one clients use.
        configuredPorts.forEach((role, port) -> ports.put(role, recorded.getOrDefault(role, port)));
        return Collections.unmodifiableMap(ports);
    }

    /** The port of one role, as in {@link #ports()}. */
    protected int port(String role) {
        Integer port = ports().get(role);
        if (port == null) {
            throw new IllegalArgumentException(name + " has no port for role " + role);
        }
        return port;
    }

    protected StackConfig config() {
        return config;
    }

    /** The server's folder under the state folder. */
    public Path dir() {
        return dir;
    }

    /** Where the child's stdout and stderr go. */
    public Path logFile() {
        return dir.resolve(name + ".log");
    }

    private Path recordFile() {
        return dir.resolve("process.properties");
    }

    /** The java binary of the JDK configured for this server. */
    protected Path javaBinary() {
        return config.javaHome(name).resolve("bin").resolve("java");
    }

    /** JVM options added by the user: {@code <server>.jvm.args}, split on spaces. */
    protected List<String> extraJvmArgs() {
        String args = config.get(name + ".jvm.args", "").trim();
        return args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"));
    }

    @Override
    public boolean isRunning() {
        return liveProcess().isPresent();
    }

    @Override
    public void start(StackListener listener) {
        liveProcess()
                .ifPresent(
                        process -> {
                            throw new ServerStartException(
                                    name + " is already running as pid " + process.pid());
                        });
        requireFreePorts();
        listener.starting(name, configuredPorts);
        try {
            Files.createDirectories(dir);
            prepare();
            rotateLog();
            child = launch(command());
        } catch (IOException e) {
            throw new ServerStartException(name + " could not be launched: " + e.getMessage(), e);
        }
        launchedAt = Instant.now();
        ProcessRecord.of(child.toHandle(), configuredPorts).save(recordFile());
        listener.started(name, child.pid());
    }

    private void requireFreePorts() {
        configuredPorts.forEach(
                (role, port) -> {
                    if (!Ports.isFree(port)) {
                        throw new ServerStartException(
                                name
                                        + " cannot start: its "
                                        + role
                                        + " port "
                                        + port
                                        + " on "
                                        + Ports.HOST
                                        + " is already in use by another process");
                    }
                });
    }

    /** Keeps the previous run's log beside the new one, so a restart does not erase the cause. */
    private void rotateLog() throws IOException {
        if (Files.exists(logFile())) {
            Files.move(
                    logFile(),
                    dir.resolve(name + ".previous.log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Process launch(List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile().toFile()))
                // No terminal input: the server must not stop when the launcher's terminal goes.
                .redirectInput(Redirect.from(new File("/dev/null")))
                .start();
    }

    /**
     * Runs a preparation tool (such as a storage formatter) to completion in the server's folder,
     * with output appended to {@code logName}, and fails with the tail of that log unless it exits
     * with 0 within {@code timeout}.
     */
    protected void runTool(List<String> command, String logName, Duration timeout)
            throws IOException {
        Path log = dir.resolve(logName);
        Process tool =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(log.toFile()))
                        .redirectInput(Redirect.from(new File("/dev/null")))
                        .start();
        try {
            if (!tool.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                ProcessStopper.stop(tool.toHandle(), Duration.ofSeconds(5));
                throw new ServerStartException(
                        name
                                + " preparation did not finish in "
                                + timeout.toSeconds()
                                + " s; "
                                + LogTail.describe(log, LOG_TAIL_LINES));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessStopper.stop(tool.toHandle(), Duration.ofSeconds(5));
            throw new ServerStartException(name + " preparation was interrupted", e);
        }
        if (tool.exitValue() != 0) {
            throw new ServerStartException(
                    name
                            + " preparation failed with exit code "
                            + tool.exitValue()
                            + "; "
                            + LogTail.describe(log, LOG_TAIL_LINES));
        }
    }

    @Override
    public void awaitReady(StackListener listener) {
        ProcessHandle process =
                liveProcess().orElseThrow(() -> failure("is not running", Optional.empty()));
        Instant waitStart = Instant.now();
        Duration timeout = config.readinessTimeout(name);
        RetryPolicy<Boolean> untilAnswering =
                RetryPolicy.<Boolean>builder()
                        .handleResult(false)
                        .abortOn(ExitedEarly.class)
                        .withDelay(POLL_INTERVAL)
                        .withMaxRetries(-1)
                        .withMaxDuration(timeout)
                        .onRetry(event -> listener.stillWaiting(name, event.getElapsedTime()))
                        .build();
        boolean ready;
        try {
            ready = Failsafe.with(untilAnswering).get(() -> aliveAndAnswering(process));
        } catch (ExitedEarly e) {
            throw failure("exited" + exitCodeText() + " before it answered", Optional.empty());
        }
        if (!ready) {
            throw failure(
                    "did not answer within " + timeout.toSeconds() + " s (readiness timeout)",
                    Optional.empty());
        }
        Instant since = launchedAt != null ? launchedAt : waitStart;
        listener.ready(name, Duration.between(since, Instant.now()));
    }

    private boolean aliveAndAnswering(ProcessHandle process) {
        if (!process.isAlive()) {
            throw new ExitedEarly();
        }
        return answers();
    }

    private String exitCodeText() {
        if (child == null) {
            return "";
        }
        try {
            child.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            return child.isAlive() ? "" : " with code " + child.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A start-up failure naming the server, its log file and the log's last lines. */
    protected ServerStartException failure(String what, Optional<Throwable> cause) {
        String message = name + " " + what + "; " + LogTail.describe(logFile(), LOG_TAIL_LINES);
        return cause.map(c -> new ServerStartException(message, c))
                .orElseGet(() -> new ServerStartException(message));
    }

    @Override
    public void stop(StackListener listener) {
        Optional<ProcessHandle> process = liveProcess();
        if (process.isPresent()) {
            ProcessHandle handle = process.get();
            listener.stopping(name, handle.pid());
            Instant begin = Instant.now();
            if (!ProcessStopper.stop(handle, config.stopTimeout())) {
                throw new IllegalStateException(
                        name + " (pid " + handle.pid() + ") is still alive after SIGKILL");
            }
            listener.stopped(name, Duration.between(begin, Instant.now()));
        }
        child = null;
        try {
            Files.deleteIfExists(recordFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ServerStatus status() {
        Optional<ProcessHandle> process = liveProcess();
        if (process.isEmpty()) {
            return new ServerStatus(
                    name, OptionalLong.empty(), configuredPorts, ServerStatus.State.STOPPED);
        }
        ServerStatus.State state =
                answers() ? ServerStatus.State.ANSWERING : ServerStatus.State.NOT_ANSWERING;
        return new ServerStatus(name, OptionalLong.of(process.get().pid()), ports(), state);
    }

    private Optional<ProcessRecord> liveRecord() {
        return ProcessRecord.load(recordFile()).filter(r -> r.liveProcess().isPresent());
    }

    private Optional<ProcessHandle> liveProcess() {
        return ProcessRecord.load(recordFile()).flatMap(ProcessRecord::liveProcess);
    }

    /** Thrown inside the readiness loop to stop polling a process that has died. */
    private static final class ExitedEarly extends RuntimeException {
        ExitedEarly() {
            super(null, null, false, false);
        }
    }
}
