package io.platewatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.schemas.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fixture other modules use: real servers behind two static accessors. */
@ExtendWith(LocalStackExtension.class)
class LocalStackExtensionTest {

    @Test
    void bootstrapServersReachABrokerThatHasEveryCatalogueTopic() throws Exception {
        String bootstrap = LocalStackExtension.kafkaBootstrapServers();
        assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+");

        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics)
                    .containsAll(Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        }
    }

    @Test
    void registryUrlServesTheConfluentApi() throws Exception {
        String url = LocalStackExtension.registryUrl();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");

        HttpResponse<String> subjects =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url + "/subjects"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(subjects.body()).startsWith("[");
    }
}
