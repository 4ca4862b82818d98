package io.platewatch.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The file a child JVM of the demo leaves in the demo folder: its pid, its start time and the pid
 * of the demo that launched it. It lets a later run find a child orphaned by a demo that was killed
 * outright (SIGKILL runs no shutdown hook), and only such a child: the start time guards against a
 * recycled pid, the launcher's pid against stopping the child of a demo still running.
 */
record ChildRecord(long pid, long startedMillis, long launcherPid) {

    static ChildRecord of(ProcessHandle child) {
        return new ChildRecord(
                child.pid(),
                child.info().startInstant().map(Instant::toEpochMilli).orElse(0L),
                ProcessHandle.current().pid());
    }

    void save(Path file) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("started", Long.toString(startedMillis));
        p.setProperty("launcher", Long.toString(launcherPid));
        try (Writer writer = Files.newBufferedWriter(file)) {
            p.store(writer, "child JVM of a PlateWatch demo");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The record in {@code file}; empty when there is none or it cannot be read. */
    static Optional<ChildRecord> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
            return Optional.of(
                    new ChildRecord(
                            Long.parseLong(p.getProperty("pid")),
                            Long.parseLong(p.getProperty("started")),
                            Long.parseLong(p.getProperty("launcher"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The recorded process, when it still runs and the demo that launched it does not. */
    Optional<ProcessHandle> orphan() {
        if (ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(
                        p ->
                                p.info()
                                        .startInstant()
                                        .map(Instant::toEpochMilli)
                                        .orElse(0L)
                                        .equals(startedMillis));
    }
}
