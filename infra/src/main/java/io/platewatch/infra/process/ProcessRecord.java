package io.platewatch.infra.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the launcher remembers about a server it started, kept in the state folder so that a later
 * {@code down} or {@code status} in another JVM can find the process: its pid, the instant the OS
 * says it started (so a recycled pid is never mistaken for our server) and its ports by role.
 */
public record ProcessRecord(long pid, Instant started, Map<String, Integer> ports) {

    private static final String PORT_PREFIX = "port.";

    /** Two reads of a process start time may differ by clock-tick rounding. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    public ProcessRecord {
        ports = Map.copyOf(ports);
    }

    /** The record of a process that has just been started. */
    public static ProcessRecord of(ProcessHandle process, Map<String, Integer> ports) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        return new ProcessRecord(process.pid(), started, ports);
    }

    /** Reads a record written by {@link #save}; empty when the file does not exist. */
    public static Optional<ProcessRecord> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read process record " + file, e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PORT_PREFIX)) {
                ports.put(
                        key.substring(PORT_PREFIX.length()),
                        Integer.parseInt(properties.getProperty(key)));
            }
        }
        return Optional.of(
                new ProcessRecord(
                        Long.parseLong(properties.getProperty("pid")),
                        Instant.ofEpochMilli(Long.parseLong(properties.getProperty("started"))),
                        ports));
    }

    /** Writes the record atomically, so a concurrent reader never sees half a file. */
    public void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("started", Long.toString(started.toEpochMilli()));
        ports.forEach((role, port) -> properties.setProperty(PORT_PREFIX + role, port.toString()));
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(writer, "Server process started by the PlateWatch launcher");
            }
            Files.move(
                    partial,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write process record " + file, e);
        }
    }

    /**
     * The live process this record describes, or empty when it has exited or the pid now belongs to
     * a different process.
     */
    public Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(this::startedWhenRecorded);
    }

    private boolean startedWhenRecorded(ProcessHandle process) {
        return process.info()
                .startInstant()
                .map(
                        actual ->
                                Duration.between(started, actual).abs().compareTo(START_TOLERANCE)
                                        <= 0)
                .orElse(true);
    }
}
