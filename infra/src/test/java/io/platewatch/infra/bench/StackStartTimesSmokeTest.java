package io.platewatch.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One cold run of the start-time benchmark, so the separate command keeps working: it must bring
 * the stack up and down and save a line of figures.
 */
class StackStartTimesSmokeTest {

    @Test
    void oneColdRunSavesItsFigures() throws Exception {
        Path report = Path.of("target", "benchmarks", "stack-start.txt");
        Files.deleteIfExists(report);

        StackStartTimes.main(new String[] {"0"});

        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("cold run 0: up ").contains("down ");
    }
}
