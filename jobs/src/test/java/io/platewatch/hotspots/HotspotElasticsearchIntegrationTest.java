package io.platewatch.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.platewatch.elasticsearch.ElasticsearchClients;
import io.platewatch.elasticsearch.ElasticsearchSink;
import io.platewatch.elasticsearch.ElasticsearchSinkException;
import io.platewatch.elasticsearch.HotspotCellConverter;
import io.platewatch.elasticsearch.HotspotDocument;
import io.platewatch.elasticsearch.HotspotIndexNames;
import io.platewatch.elasticsearch.HotspotQueries;
import io.platewatch.elasticsearch.IndexRequestEntry;
import io.platewatch.infra.elasticsearch.ElasticsearchServer;
import io.platewatch.infra.elasticsearch.HotspotIndices;
import io.platewatch.infra.elasticsearch.HotspotRetentionCommand;
import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.infra.testing.StackServices;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.HotspotTrend;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The hot-spot job end to end on a real Elasticsearch 9.5 node: a simulated day goes through the
 * job and the Elasticsearch sink, then the analyst queries, a privacy scan of every stored
 * document, an idempotent re-run and index retention are checked against what is in the index.
 */
@ExtendWith(LocalStackExtension.class)
@StackServices(ServiceKind.ELASTICSEARCH)
class HotspotElasticsearchIntegrationTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final CellGrid GRID = new CellGrid(8);

    /** Yesterday (UTC), so the data's monthly index is the current or the previous month. */
    private static final Instant DAY =
            LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private static SimulatedDay simulated;
    private static String url;
    private static ElasticsearchClient client;
    private static Map<String, HotspotDocument> firstRun;
    private static CollectingSink<DeadLetter> deadLetters;

    @BeforeAll
    static void runTheSimulatedDay() throws Exception {
        url =
                LocalStackExtension.server(ServiceKind.ELASTICSEARCH, ElasticsearchServer.class)
                        .baseUrl();
        client = ElasticsearchClients.blocking(url);
        simulated = new SimulatedDay(DAY);
        runJob();
        firstRun = storedDocuments();
    }

    @AfterAll
    static void closeClient() throws IOException {
        if (client != null) {
            client._transport().close();
        }
    }

    @Test
    void thePlantedClusterIsTheTopEmergingHotSpot() {
        HotspotQueries queries = new HotspotQueries(client);
        String cluster = GRID.address(simulated.clusterCell);

        List<HotspotDocument> daily =
                queries.emergingHotspots("DAY", DAY, DAY.plus(Duration.ofDays(1)), 5);
        assertThat(daily).isNotEmpty();
        assertThat(daily.get(0).cellId()).isEqualTo(cluster);
        assertThat(daily.get(0).giStarZ()).isGreaterThanOrEqualTo(1.96);
        assertThat(daily.get(0).trend()).isEqualTo(HotspotTrend.NEW.name());
        assertThat(daily.get(0).incidents()).isEqualTo(30L);

        List<HotspotDocument> hourly =
                queries.emergingHotspots("HOUR", DAY, DAY.plus(Duration.ofDays(1)), 3);
        assertThat(hourly).extracting(HotspotDocument::cellId).containsOnly(cluster);
        assertThat(hourly)
                .extracting(d -> Instant.ofEpochMilli(d.windowStart()))
                .allMatch(start -> !start.isBefore(simulated.at(17, 0)))
                .allMatch(start -> start.isBefore(simulated.at(20, 0)));
    }

    @Test
    void topCellsAndTimeSeriesReadThePublishedCounts() {
        HotspotQueries queries = new HotspotQueries(client);
        String cluster = GRID.address(simulated.clusterCell);
        HotspotQueries.BoundingBox city =
                new HotspotQueries.BoundingBox(-36.78, 174.69, -36.92, 174.83);

        List<HotspotQueries.CellTotal> top =
                queries.topCells("HOUR", DAY, DAY.plus(Duration.ofDays(1)), city, 3);
        assertThat(top.get(0).cellId()).isEqualTo(cluster);
        assertThat(top.get(0).publishedIncidents()).isEqualTo(30);

        List<HotspotDocument> series =
                queries.timeSeries(cluster, "HOUR", DAY, DAY.plus(Duration.ofDays(1)));
        assertThat(series)
                .filteredOn(d -> d.incidents() != null && d.incidents() > 0)
                .extracting(d -> Instant.ofEpochMilli(d.windowStart()))
                .containsExactly(simulated.at(17, 0), simulated.at(18, 0), simulated.at(19, 0));
        HotspotDocument evening =
                series.stream()
                        .filter(d -> d.windowStart() == simulated.at(18, 0).toEpochMilli())
                        .findFirst()
                        .orElseThrow();
        // 10 alerts in the hour, the historical one skipped.
        assertThat(evening.flaggedSightings()).isEqualTo(10L);
        // THEFT 6 and FUEL_DRIVE_OFF 4 of a published total of 10: FUEL (below k) is withheld, and
        // THEFT with it, or 10 - 6 would give FUEL away.
        assertThat(evening.incidents()).isEqualTo(10L);
        assertThat(evening.incidentsByCategory().get("FUEL_DRIVE_OFF").suppressed()).isTrue();
        assertThat(evening.incidentsByCategory().get("FUEL_DRIVE_OFF").count()).isNull();
        assertThat(evening.incidentsByCategory().get("THEFT").suppressed()).isTrue();
        assertThat(evening.incidentsByCategory().get("THEFT").count()).isNull();
    }

    @Test
    void noStoredDocumentContainsAPlateReadIdCameraSiteOrOrganisation() throws IOException {
        List<String> sources =
                client
                        .search(s -> s.index(HotspotIndexNames.ALIAS).size(10_000), JsonData.class)
                        .hits()
                        .hits()
                        .stream()
                        .map(Hit::source)
                        .map(JsonData::toJson)
                        .map(Object::toString)
                        .toList();
        assertThat(sources).hasSameSizeAs(firstRun.keySet());
        Pattern anyInputIdentifier =
                Pattern.compile("ZQ\\d+X|PLANTED\\d+|FLAGGED\\d+|read-|cam-|site-|org-|incident-");
        for (String source : sources) {
            assertThat(anyInputIdentifier.matcher(source).find()).as(source).isFalse();
            Set<String> strings = new HashSet<>();
            Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(source);
            while (literal.find()) {
                strings.add(literal.group(1));
            }
            strings.retainAll(simulated.identifiers);
            assertThat(strings).as(source).isEmpty();
        }
        // And Elasticsearch's own search finds none of the planted plates or read ids.
        Alert planted = simulated.alerts.get(0);
        for (String identifier :
                List.of(
                        planted.getPlate(),
                        planted.getReadId(),
                        planted.getCameraId(),
                        simulated.incidents.get(0).getVehicles().get(0).getPlate())) {
            long hits =
                    client.search(
                                    s ->
                                            s.index(HotspotIndexNames.ALIAS)
                                                    .query(
                                                            q ->
                                                                    q.queryString(
                                                                            qs ->
                                                                                    qs.query(
                                                                                            "\""
                                                                                                    + identifier
                                                                                                    + "\"")))
                                                    .trackTotalHits(t -> t.enabled(true)),
                                    JsonData.class)
                            .hits()
                            .total()
                            .value();
            assertThat(hits).isZero();
        }
        // The incident without a position became a dead letter naming only the incident.
        assertThat(deadLetters.records()).hasSize(1);
        assertThat(deadLetters.records().get(0).getReason()).isEqualTo("incident has no position");
    }

    @Test
    void runningTheSameInputAgainLeavesTheSameDocuments() throws Exception {
        runJob();
        Map<String, HotspotDocument> secondRun = storedDocuments();

        assertThat(secondRun.keySet()).isEqualTo(firstRun.keySet());
        for (String id : firstRun.keySet()) {
            HotspotDocument before = firstRun.get(id);
            HotspotDocument after = secondRun.get(id);
            assertThat(after.computedAt()).isGreaterThanOrEqualTo(before.computedAt());
            assertThat(withoutComputedAt(after)).isEqualTo(withoutComputedAt(before));
        }
    }

    @Test
    void documentsLandInTheMonthlyIndexThatRetentionManages() throws Exception {
        Set<String> indices =
                new TreeSet<>(
                        client.indices()
                                .get(g -> g.index(HotspotIndexNames.PREFIX + "*"))
                                .indices()
                                .keySet());
        assertThat(indices).containsExactly(HotspotIndices.indexFor(DAY));

        client.indices().create(c -> c.index(HotspotIndices.PREFIX + "2020.01"));
        CommandLine retention = new CommandLine(new HotspotRetentionCommand());
        int exit = retention.execute("--url", url, "--keep-months", "2");

        assertThat(exit).isZero();
        Set<String> after =
                client.indices()
                        .get(g -> g.index(HotspotIndexNames.PREFIX + "*"))
                        .indices()
                        .keySet();
        assertThat(after).containsExactly(HotspotIndices.indexFor(DAY));
    }

    @Test
    void aDocumentTheMappingRefusesStopsTheJobWithWhatToFix() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(noKryo());
        env.setParallelism(1);
        ElasticsearchSink<String> sink =
                ElasticsearchSink.<String>builder()
                        .serverUrl(url)
                        .elementConverter(
                                (id, context) ->
                                        IndexRequestEntry.of(
                                                HotspotIndexNames.indexFor(DAY.toEpochMilli()),
                                                id,
                                                -1,
                                                "{\"unknownField\": 1}"))
                        .build();
        env.fromData(Types.STRING, "mapping-test").sinkTo(sink);

        assertThatThrownBy(() -> env.execute("mapping error"))
                .rootCause()
                .isInstanceOf(ElasticsearchSinkException.class)
                .hasMessageContaining("strict_dynamic_mapping_exception")
                .hasMessageContaining("platewatch-hotspots.index-template.json");
    }

    private static void runJob() throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(noKryo());
        env.setParallelism(2);
        HotspotConfig config = HotspotConfig.defaults();
        HotspotJob.Inputs inputs =
                new HotspotJob.Inputs(
                        TestStreams.of(
                                env,
                                SpecificRecordTypeInfo.forClass(Incident.class),
                                HotspotJob.incidentWatermarks(config),
                                "incidents",
                                simulated.incidents),
                        TestStreams.of(
                                env,
                                SpecificRecordTypeInfo.forClass(Alert.class),
                                HotspotJob.alertWatermarks(config),
                                "alerts",
                                simulated.alerts),
                        TestStreams.of(
                                env,
                                SpecificRecordTypeInfo.forClass(PlateRead.class),
                                HotspotJob.readWatermarks(config),
                                "reads",
                                simulated.reads));
        deadLetters = new CollectingSink<>("es-dead-letters");
        ElasticsearchSink<HotspotCell> sink =
                ElasticsearchSink.<HotspotCell>builder()
                        .serverUrl(url)
                        .elementConverter(new HotspotCellConverter())
                        .build();
        new HotspotJob(config)
                .build(
                        inputs,
                        new HotspotJob.Sinks(
                                sink, deadLetters, new CollectingSink<>("es-late-events")));
        env.execute("hot-spot job on a simulated day");
        client.indices().refresh(r -> r.index(HotspotIndexNames.ALIAS));
    }

    private static Map<String, HotspotDocument> storedDocuments() throws IOException {
        Map<String, HotspotDocument> documents = new HashMap<>();
        client.search(s -> s.index(HotspotIndexNames.ALIAS).size(10_000), HotspotDocument.class)
                .hits()
                .hits()
                .forEach(hit -> documents.put(hit.id(), hit.source()));
        return documents;
    }

    private static HotspotDocument withoutComputedAt(HotspotDocument d) {
        return new HotspotDocument(
                d.cellId(),
                d.resolution(),
                d.centre(),
                d.granularity(),
                d.windowStart(),
                d.windowEnd(),
                d.incidents(),
                d.incidentsSuppressed(),
                d.flaggedSightings(),
                d.flaggedSightingsSuppressed(),
                d.totalReads(),
                d.totalReadsSuppressed(),
                d.incidentValueCents(),
                d.incidentValueCentsSuppressed(),
                d.incidentsByCategory(),
                d.giStarZ(),
                d.trend(),
                0);
    }

    /** Every type of the job must have its own serializer: a Kryo fallback fails the test. */
    private static org.apache.flink.configuration.Configuration noKryo() {
        org.apache.flink.configuration.Configuration configuration =
                new org.apache.flink.configuration.Configuration();
        configuration.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
        return configuration;
    }
}
