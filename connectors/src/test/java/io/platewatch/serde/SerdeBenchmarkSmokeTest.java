package io.platewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.serde.bench.SerdeBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The serde benchmark runs and yields figures: one in-process iteration of one second per case. It
 * checks that the benchmark works, not how fast the serde is; the figures of record come from the
 * full run ({@code mvn -pl connectors -Pbench -DskipTests package}).
 */
class SerdeBenchmarkSmokeTest {

    @Test
    void benchmarkProducesPositiveFiguresForEveryCase() throws Exception {
        Path output = Path.of("target", "bench", "smoke.json");
        Files.createDirectories(output.getParent());
        Options options =
                new OptionsBuilder()
                        .include(SerdeBenchmark.class.getName())
                        .mode(Mode.AverageTime)
                        .forks(0)
                        .warmupIterations(0)
                        .measurementIterations(1)
                        .measurementTime(TimeValue.seconds(1))
                        .resultFormat(ResultFormatType.JSON)
                        .result(output.toString())
                        .verbosity(VerboseMode.SILENT)
                        .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).hasSize(4);
        assertThat(results)
                .allSatisfy(
                        result -> {
                            assertThat(result.getPrimaryResult().getScore()).isPositive();
                            assertThat(result.getPrimaryResult().getScoreUnit()).isEqualTo("ns/op");
                        });
        assertThat(Files.readString(output))
                .contains("SerdeBenchmark.encode", "SerdeBenchmark.decode");
    }
}
