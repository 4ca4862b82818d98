package io.platewatch.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.gateway.InProcessGateway;
import io.platewatch.gateway.TopicReader;
import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A recording of mixed vendor messages replayed through a real gateway into real Kafka. */
@ExtendWith(LocalStackExtension.class)
class ReplayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String line(String sample) throws Exception {
        try (InputStream in = ReplayTest.class.getResourceAsStream("/samples/" + sample)) {
            return MAPPER.writeValueAsString(MAPPER.readTree(in));
        }
    }

    @Test
    void everyFormatIsDetectedAndEachLineGetsAnOutcome() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line("openalpr-group.json"));
        lines.add(line("openalpr-results.json"));
        lines.add("");
        lines.add(line("platerecognizer-stream.json"));
        lines.add("this is not json");
        lines.add(line("platerecognizer-snapshot.json"));
        lines.add("{\"data_type\":\"heartbeat\",\"camera_id\":1234}");
        lines.add(line("platewatch.json").replace("\"cam-albany-1\"", "\"cam-unknown\""));
        lines.add(line("platewatch.json").replace("-36.72861", "-96.5"));
        lines.add(line("platewatch.json").replace("r-000001", "r-replayed"));

        ReplayReport report;
        try (InProcessGateway gateway = InProcessGateway.start(1000, 64 * 1024)) {
            Map<String, String> tokens =
                    Map.of(
                            "1234", InProcessGateway.TOKEN,
                            "albany-gate", InProcessGateway.TOKEN,
                            "cam-albany-1", InProcessGateway.TOKEN);
            Replayer replayer = new Replayer(gateway.uri(), tokens::get, 2, 2);
            report =
                    replayer.replay(new BufferedReader(new StringReader(String.join("\n", lines))));
        }

        assertThat(report.lines()).isEqualTo(9);
        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.readsAccepted()).isEqualTo(6);
        assertThat(report.byFormat())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "openalpr_group", 1L,
                                "openalpr_results", 1L,
                                "plate_recognizer", 2L,
                                "platewatch", 1L));
        assertThat(report.failed()).isEmpty();
        assertThat(report.rejected())
                .extracting(
                        ReplayReport.Problem::line,
                        ReplayReport.Problem::status,
                        ReplayReport.Problem::error)
                .containsExactly(
                        tuple(5L, 0, "malformed"),
                        tuple(7L, 0, "not_a_read"),
                        tuple(8L, 0, "no_token"),
                        tuple(9L, 422, "invalid_value"));

        Set<String> keys =
                TopicReader.readAll(Topic.PLATE_READS.topicName(), PlateRead.class).stream()
                        .map(ConsumerRecord::key)
                        .collect(Collectors.toSet());
        assertThat(keys)
                .contains(
                        "cam-albany-1|r-replayed",
                        "cam-albany-1|0304_gate.jpg#0",
                        "cam-albany-1|AGENTTESTUID0000000000000000000000000001-1234-1772420645678#1");
    }
}
