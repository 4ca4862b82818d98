package io.platewatch.infra.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The last lines of a server's log file, quoted in start-up errors so the cause is on screen. */
public final class LogTail {

    private LogTail() {}

    /**
     * Returns at most {@code maxLines} final lines of {@code file}, or an empty list when it does
     * not exist or cannot be read. Undecodable bytes are replaced rather than failing, since a log
     * tail is only a hint.
     */
    public static List<String> lastLines(Path file, int maxLines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> tail = new ArrayDeque<>(maxLines);
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            lines.forEach(
                    line -> {
                        if (tail.size() == maxLines) {
                            tail.removeFirst();
                        }
                        tail.addLast(line);
                    });
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
        return List.copyOf(tail);
    }

    /** The tail as one indented block for an error message; says so when the log is empty. */
    public static String describe(Path file, int maxLines) {
        List<String> lines = lastLines(file, maxLines);
        if (lines.isEmpty()) {
            return "(log " + file + " is empty)";
        }
        StringBuilder text = new StringBuilder("last lines of " + file + ":");
        lines.forEach(line -> text.append(System.lineSeparator()).append("    ").append(line));
        return text.toString();
    }
}
