package io.platewatch.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes each simulated read as one camera message per line, a recording the replay command can
 * feed to a gateway later. Incidents are not camera messages and are skipped.
 */
public final class JsonLinesTarget implements SimulationTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BufferedWriter out;
    private final WireFormat format;
    private long lines;
    private long incidentsSkipped;

    public JsonLinesTarget(Path file, WireFormat format) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.format = format;
    }

    @Override
    public void read(SimulatedRead read) {
        try {
            out.write(MAPPER.writeValueAsString(format.encode(read)));
            out.newLine();
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void incident(SimulatedIncident incident) {
        incidentsSkipped++;
    }

    @Override
    public TargetReport finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TargetReport(
                lines, lines, Map.of("written", lines), 0, incidentsSkipped, 0, 0, 0);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
