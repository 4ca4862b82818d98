package io.platewatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway over real HTTP, storing to the real Kafka of the local stack. */
@ExtendWith(LocalStackExtension.class)
class GatewayHttpTest {
    private static final String BEARER = "Bearer " + InProcessGateway.TOKEN;
    private static InProcessGateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = InProcessGateway.start(1000, 64 * 1024);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Samples.MAPPER.readTree(response.body());
    }

    @Test
    void everyVendorSampleIsAcknowledgedOnlyOnceItIsInKafka() throws Exception {
        List<String> keys = new ArrayList<>();
        for (String sample :
                List.of(
                        "openalpr-group.json",
                        "openalpr-results.json",
                        "platerecognizer-stream.json",
                        "platerecognizer-snapshot.json",
                        "platewatch.json")) {
            HttpResponse<String> response =
                    gateway.post(Samples.bytes(Samples.load(sample)), BEARER);
            assertThat(response.statusCode()).as(sample).isEqualTo(200);
            json(response).get("readIds").forEach(id -> keys.add("cam-albany-1|" + id.asText()));
        }

        Map<String, PlateRead> stored =
                TopicReader.readAll(Topic.PLATE_READS.topicName(), PlateRead.class).stream()
                        .filter(r -> keys.contains(r.key()))
                        .collect(
                                Collectors.toMap(
                                        ConsumerRecord::key, ConsumerRecord::value, (a, b) -> a));
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(keys).hasSize(6);
        PlateRead group =
                stored.get(
                        "cam-albany-1|AGENTTESTUID0000000000000000000000000001-1234-1772420646012");
        assertThat(group.getPlate()).isEqualTo("ZKT481");
        assertThat(group.getSiteId()).isEqualTo("site-albany");
        assertThat(group.getReceivedAt()).isEqualTo(Samples.NOW);
    }

    @Test
    void refusalsAreJsonThatSayWhatIsWrongWithoutThePlate() throws Exception {
        byte[] group = Samples.bytes(Samples.load("openalpr-group.json"));
        assertRefused(gateway.post(group, null), 401, "unauthorized");
        assertRefused(gateway.post(group, "Bearer not-a-token"), 401, "unauthorized");
        assertRefused(gateway.post(group, "Bearer test-token-other"), 403, "wrong_camera");
        assertRefused(
                gateway.post("{\"plate\": ".getBytes(StandardCharsets.UTF_8), BEARER),
                400,
                "malformed");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertRefused(
                gateway.post(deep.getBytes(StandardCharsets.UTF_8), BEARER), 400, "malformed");
        HttpResponse<String> impossible =
                gateway.post(
                        Samples.bytes(Samples.with("openalpr-group.json", "/gps_longitude", 190.0)),
                        BEARER);
        assertRefused(impossible, 422, "invalid_value");
        assertThat(json(impossible).get("field").asText()).isEqualTo("longitude");
        HttpResponse<String> missing =
                gateway.post(
                        Samples.bytes(Samples.with("platewatch.json", "/confidence", null)),
                        "Token " + InProcessGateway.TOKEN);
        assertRefused(missing, 400, "missing_field");
        assertThat(json(missing).get("field").asText()).isEqualTo("confidence");
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() throws Exception {
        String padding = "x".repeat(70 * 1024);
        byte[] big =
                Samples.bytes(Samples.with("platewatch.json", "/imageUri", "https://i/" + padding));

        assertRefused(gateway.post(big, BEARER), 413, "too_large");
        HttpResponse<String> chunked =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(
                                HttpRequest.newBuilder(gateway.uri().resolve("/v1/reads"))
                                        .header("Authorization", BEARER)
                                        .POST(
                                                HttpRequest.BodyPublishers.ofInputStream(
                                                        () -> new ByteArrayInputStream(big)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertRefused(chunked, 413, "too_large");
    }

    @Test
    void aCameraOverItsRateGets429WithRetryAfter() throws Exception {
        try (InProcessGateway slow = InProcessGateway.start(2, 64 * 1024)) {
            byte[] heartbeat = "{\"data_type\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = slow.post(heartbeat, BEARER);
                statuses.add(last.statusCode());
            }
            assertThat(statuses).containsExactly(422, 422, 429, 429);
            assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
            assertRefused(last, 429, "rate_limited");
            // Another camera has its own bucket.
            assertThat(slow.post(heartbeat, "Bearer test-token-other").statusCode()).isEqualTo(422);
        }
    }

    @Test
    void unreachableKafkaAnswers503AndTheCameraKeepsItsRead() throws Exception {
        try (InProcessGateway broken =
                InProcessGateway.start(
                        100,
                        64 * 1024,
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                "127.0.0.1:1",
                                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                                1000))) {
            HttpResponse<String> response =
                    broken.post(Samples.bytes(Samples.load("platewatch.json")), BEARER);

            assertRefused(response, 503, "store_unavailable");
            assertThat(broken.get("/health").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void healthAndMetricsShowCountsButNoPlates() throws Exception {
        gateway.post(Samples.bytes(Samples.load("openalpr-group.json")), BEARER);

        assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
        String metrics = gateway.get("/metrics").body();
        assertThat(metrics)
                .contains("platewatch_gateway_reads_accepted_total{format=\"openalpr_group\"}")
                .contains("platewatch_gateway_requests_total{outcome=\"accepted\"}")
                .doesNotContainIgnoringCase("ZKT481")
                .doesNotContainIgnoringCase("ab12cde")
                .doesNotContain("cam-albany-1");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code)
            throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContainIgnoringCase("ZKT481");
    }
}
