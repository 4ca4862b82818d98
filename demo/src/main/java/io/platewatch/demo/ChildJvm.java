package io.platewatch.demo;

import io.platewatch.infra.process.LogTail;
import io.platewatch.infra.process.ProcessStopper;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM the demo starts beside itself (the gateway, the pipeline), on the demo's class path, with
 * its output in a log file. Stopping it takes its descendants too: SIGTERM first, so it can close
 * its sockets and flush, SIGKILL after the grace period.
 */
final class ChildJvm {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

    private static final int LOG_TAIL_LINES = 25;
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;
    private final Path record;

    private ChildJvm(String name, Process process, Path log, Path record) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.record = record;
    }

    /**
     * Launches {@code mainClass} with the settings' java and class path.
     *
     * @param jvmOptions options before the main class, such as the heap
     */
    static ChildJvm launch(
            DemoSettings settings,
            String name,
            List<String> jvmOptions,
            String mainClass,
            List<String> args)
            throws IOException {
        Path dir = settings.demoDir();
        Files.createDirectories(dir);
        Path log = logFile(settings, name);
        if (Files.exists(log)) {
            Files.move(
                    log, dir.resolve(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        command.add(settings.javaBinary().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(settings.classpath());
        command.add(mainClass);
        command.addAll(args);
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(log.toFile()))
                        .redirectInput(Redirect.from(new File("/dev/null")))
                        .start();
        // The record lets a later run stop this JVM should the demo's own JVM be killed outright.
        ChildRecord.of(process.toHandle()).save(recordFile(settings, name));
        return new ChildJvm(name, process, log, recordFile(settings, name));
    }

    /**
     * Stops the children of an earlier demo whose own JVM was killed outright and could not stop
     * them; children of a demo that still runs are left alone.
     *
     * @return how many were stopped
     */
    static int stopOrphans(DemoSettings settings, List<String> names) {
        int stopped = 0;
        for (String name : names) {
            Optional<ProcessHandle> orphan =
                    ChildRecord.load(recordFile(settings, name)).flatMap(ChildRecord::orphan);
            if (orphan.isPresent()) {
                LOG.info(
                        "Stopping the {} left running by an earlier demo (pid {})",
                        name,
                        orphan.get().pid());
                ProcessStopper.stop(orphan.get(), LEFTOVER_GRACE);
                stopped++;
            }
        }
        return stopped;
    }

    private static Path recordFile(DemoSettings settings, String name) {
        return settings.demoDir().resolve(name + ".process.properties");
    }

    /** Where the output of the child called {@code name} goes. */
    static Path logFile(DemoSettings settings, String name) {
        return settings.demoDir().resolve(name + ".log");
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Why the process is gone, with the end of its log, for an error message. */
    String exitDescription() {
        String code = process.isAlive() ? "is still running" : "exited with " + process.exitValue();
        return name + " " + code + "; " + LogTail.describe(log, LOG_TAIL_LINES);
    }

    /**
     * Stops the process and its descendants.
     *
     * @return true when all of them are gone
     */
    boolean stop(Duration grace) {
        boolean gone = ProcessStopper.stop(process.toHandle(), grace);
        if (gone) {
            try {
                Files.deleteIfExists(record);
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", record, e.toString());
            }
        }
        return gone;
    }
}
