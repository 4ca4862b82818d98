package io.platewatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.infra.process.Ports;
import io.platewatch.infra.stack.LocalStack;
import io.platewatch.infra.stack.ServerStatus;
import io.platewatch.infra.stack.StackConfig;
import io.platewatch.infra.stack.StackListener;
import io.platewatch.schemas.Topic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The CLI's life cycle against real servers, in the order a developer runs it: up, inspect, up
 * again, down, and up once more on the same state folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherCliLifecycleTest {

    private static final String SUBJECT = "lifecycle-check-value";

    private final Path stateDir =
            Path.of("target", "cli-lifecycle", Long.toString(ProcessHandle.current().pid()))
                    .toAbsolutePath();
    private final int kafkaPort = Ports.freePort();
    private final int controllerPort = Ports.freePort();
    private final int registryPort = Ports.freePort();
    private List<String> common;
    private Map<String, Long> pidsAfterFirstUp;

    @BeforeAll
    void chooseStateAndPorts() throws IOException {
        deleteTree(stateDir);
        common =
                List.of(
                        "--state-dir", stateDir.toString(),
                        "--services", "kafka,registry",
                        "--kafka-port", Integer.toString(kafkaPort),
                        "--kafka-controller-port", Integer.toString(controllerPort),
                        "--registry-port", Integer.toString(registryPort));
    }

    @AfterAll
    void stopWhateverIsLeft() {
        CliRun.of(common, "down");
    }

    @Test
    @Order(1)
    void upStartsKafkaAndRegistryAndReturnsOnceBothAnswer() {
        CliRun up = CliRun.of(common, "up");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out())
                .containsPattern("kafka +answers")
                .containsPattern("registry +answers")
                .contains("8 topics with leaders")
                .contains("127.0.0.1:" + kafkaPort)
                .contains("http://127.0.0.1:" + registryPort + "/apis/ccompat/v7");
        pidsAfterFirstUp = runningPids();
        assertThat(pidsAfterFirstUp).containsOnlyKeys("kafka", "registry");
        pidsAfterFirstUp
                .values()
                .forEach(
                        pid ->
                                assertThat(ProcessHandle.of(pid))
                                        .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue()));
    }

    @Test
    @Order(2)
    void catalogueTopicsHaveTheDeclaredPartitionsLeadersAndConfig() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(topicNames()).allTopicNames().get(30, TimeUnit.SECONDS);
            for (Topic topic : Topic.values()) {
                TopicDescription description = topics.get(topic.topicName());
                assertThat(description.partitions()).hasSize(topic.partitions());
                assertThat(description.partitions())
                        .allSatisfy(p -> assertThat(p.leader()).isNotNull());
            }

            Map<ConfigResource, Config> configs = topicConfigs(admin);
            Config flags = configs.get(topicResource(Topic.VEHICLE_FLAGS));
            assertThat(flags.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(flags.get("min.compaction.lag.ms").value()).isEqualTo("60000");
            Config reads = configs.get(topicResource(Topic.PLATE_READS));
            assertThat(reads.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(reads.get("retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));

            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config brokerConfig =
                    admin.describeConfigs(List.of(broker))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(broker);
            assertThat(brokerConfig.get("transaction.max.timeout.ms").value())
                    .isEqualTo(Long.toString(Duration.ofHours(1).toMillis()));
            assertThat(brokerConfig.get("auto.create.topics.enable").value()).isEqualTo("false");
        }
    }

    @Test
    @Order(3)
    void secondUpReusesTheRunningServersAndLeavesTopicsAsTheyWere() throws Exception {
        CliRun again = CliRun.of(common, "up");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out())
                .containsPattern("kafka +already running")
                .containsPattern("registry +already running");
        assertThat(runningPids()).isEqualTo(pidsAfterFirstUp);
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(topicNames()).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(
                            topics.values().stream()
                                    .collect(
                                            Collectors.toMap(
                                                    TopicDescription::name,
                                                    d -> d.partitions().size())))
                    .isEqualTo(
                            Arrays.stream(Topic.values())
                                    .collect(
                                            Collectors.toMap(Topic::topicName, Topic::partitions)));
        }
    }

    @Test
    @Order(4)
    void statusListsEachServerWithPidPortAndAnswering() throws Exception {
        registerSchema();

        CliRun status = CliRun.of(common, "status");

        assertThat(status.exitCode()).as(status.out()).isZero();
        assertThat(status.out())
                .containsPattern(
                        "kafka +"
                                + pidsAfterFirstUp.get("kafka")
                                + " +client="
                                + kafkaPort
                                + ",controller="
                                + controllerPort
                                + " +answering")
                .containsPattern(
                        "registry +"
                                + pidsAfterFirstUp.get("registry")
                                + " +http="
                                + registryPort
                                + " +answering");
    }

    @Test
    @Order(5)
    void downStopsEveryProcessAndFreesEveryPort() {
        CliRun down = CliRun.of(common, "down");

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out())
                .containsPattern("registry +stopped")
                .containsPattern("kafka +stopped");
        pidsAfterFirstUp
                .values()
                .forEach(
                        pid ->
                                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                                        .isEmpty());
        assertThat(List.of(kafkaPort, controllerPort, registryPort)).allMatch(Ports::isFree);
        assertThat(stateDir.resolve("kafka").resolve("process.properties")).doesNotExist();
        assertThat(stateDir.resolve("registry").resolve("process.properties")).doesNotExist();

        CliRun status = CliRun.of(common, "status");
        assertThat(status.exitCode()).isEqualTo(StatusCommand.EXIT_NOT_ALL_ANSWERING);
        assertThat(status.out())
                .containsPattern("kafka +- .* stopped")
                .containsPattern("registry +- .* stopped");
    }

    @Test
    @Order(6)
    void upAfterDownKeepsTopicsAndRegisteredSchemas() throws Exception {
        CliRun up = CliRun.of(common, "up");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(runningPids().values()).doesNotContainAnyElementsOf(pidsAfterFirstUp.values());
        assertThat(Files.readString(stateDir.resolve("kafka").resolve("format.log")))
                .as("storage is formatted once")
                .containsOnlyOnce("Formatting metadata directory");
        HttpResponse<String> subjects = get("/subjects");
        assertThat(subjects.body()).contains(SUBJECT);

        CliRun down = CliRun.of(common, "down");
        assertThat(down.exitCode()).isZero();
        assertThat(List.of(kafkaPort, controllerPort, registryPort)).allMatch(Ports::isFree);
    }

    private Map<String, Long> runningPids() {
        Properties properties = new Properties();
        LocalStack stack =
                new LocalStack(new StackConfig(stateDir, properties), StackListener.NONE);
        return stack.status().stream()
                .filter(s -> s.pid().isPresent())
                .collect(Collectors.toMap(ServerStatus::name, s -> s.pid().getAsLong()));
    }

    private void registerSchema() throws Exception {
        HttpRequest register =
                HttpRequest.newBuilder(
                                URI.create(registryApi() + "/subjects/" + SUBJECT + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"schema\":\"\\\"string\\\"\"}"))
                        .timeout(Duration.ofSeconds(10))
                        .build();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(register, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registryApi() + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String registryApi() {
        return "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";
    }

    private Admin admin() {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort));
    }

    private static Map<ConfigResource, Config> topicConfigs(Admin admin) throws Exception {
        Collection<ConfigResource> resources =
                Arrays.stream(Topic.values()).map(LauncherCliLifecycleTest::topicResource).toList();
        return admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
    }

    private static ConfigResource topicResource(Topic topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName());
    }

    private static List<String> topicNames() {
        return Arrays.stream(Topic.values()).map(Topic::topicName).toList();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
