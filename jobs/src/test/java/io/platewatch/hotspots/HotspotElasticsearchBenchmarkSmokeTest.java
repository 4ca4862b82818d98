package io.platewatch.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the hot-spot benchmark at a tiny size, so the separate benchmark command cannot rot: it must
 * start its node, push documents and a simulated day through, and save positive figures.
 */
class HotspotElasticsearchBenchmarkSmokeTest {

    @Test
    void tinyBenchmarkRunSavesPositiveFigures() throws Exception {
        Path figures = Path.of("target", "bench", "hotspots-elasticsearch.json");
        Files.deleteIfExists(figures);

        HotspotElasticsearchBenchmark.main(new String[] {"200", "1"});

        JsonNode saved = new ObjectMapper().readTree(figures.toFile());
        assertThat(saved.get("sinkDocuments").asInt()).isEqualTo(200);
        assertThat(saved.get("sinkDocumentsPerSecond").asDouble()).isPositive();
        assertThat(saved.get("jobInputEvents").asLong()).isPositive();
        assertThat(saved.get("jobCellsStored").asLong()).isPositive();
        assertThat(saved.get("jobEventsPerSecond").asDouble()).isPositive();
    }
}
