package io.platewatch.hotspots;

import io.platewatch.elasticsearch.ElasticsearchClients;
import io.platewatch.elasticsearch.ElasticsearchSink;
import io.platewatch.elasticsearch.HotspotCellConverter;
import io.platewatch.elasticsearch.HotspotIndexNames;
import io.platewatch.infra.elasticsearch.ElasticsearchServer;
import io.platewatch.infra.stack.StackConfig;
import io.platewatch.infra.stack.StackListener;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.HotspotTrend;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.SuppressibleCount;
import io.platewatch.schemas.WindowGranularity;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark (a main, not a test): starts a real Elasticsearch node and measures (1) documents per
 * second through the Elasticsearch sink alone and (2) input events per second through the whole
 * hot-spot job with that sink, on whatever else the machine is running. Prints the figures and
 * saves them to {@code target/bench/hotspots-elasticsearch.json}.
 *
 * <p>Arguments: number of sink documents (default 100000), simulated days for the job (default 3).
 */
public final class HotspotElasticsearchBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(HotspotElasticsearchBenchmark.class);

    /** One grid per JVM: loading the H3 native library per record would measure the generator. */
    private static final CellGrid GRID = new CellGrid(8);

    private HotspotElasticsearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Properties properties = new Properties();
        properties.setProperty("elasticsearch.port", "0");
        properties.setProperty("elasticsearch.transport.port", "0");
        ElasticsearchServer server =
                new ElasticsearchServer(
                        new StackConfig(Files.createTempDirectory("hotspot-bench"), properties));
        server.start(StackListener.NONE);
        try {
            server.awaitReady(StackListener.NONE);
            server.provision(StackListener.NONE);
            double sinkRate = sinkDocumentsPerSecond(server.baseUrl(), documents);
            Result job = jobEventsPerSecond(server.baseUrl(), days);
            String json =
                    String.format(
                            java.util.Locale.ROOT,
                            "{\"sinkDocuments\": %d, \"sinkDocumentsPerSecond\": %.0f,"
                                    + " \"jobInputEvents\": %d, \"jobCellsStored\": %d,"
                                    + " \"jobEventsPerSecond\": %.0f, \"cores\": %d}%n",
                            documents,
                            sinkRate,
                            job.events,
                            job.stored,
                            job.rate,
                            Runtime.getRuntime().availableProcessors());
            Path out = Path.of("target", "bench", "hotspots-elasticsearch.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, json);
            System.out.print(json);
        } finally {
            server.stop(StackListener.NONE);
        }
    }

    private record Result(long events, long stored, double rate) {}

    /** Synthetic hourly cells over 500 cells and consecutive hours, through the sink only. */
    private static double sinkDocumentsPerSecond(String url, int documents) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CellGrid grid = new CellGrid(8);
        List<Long> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            cells.add(grid.cellOf(-36.95 + (i / 25) * 0.01, 174.66 + (i % 25) * 0.01));
        }
        long start =
                LocalDate.now(ZoneOffset.UTC)
                        .withDayOfMonth(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
        DataGeneratorSource<HotspotCell> source =
                new DataGeneratorSource<>(
                        index -> syntheticCell(cells, start, index),
                        documents,
                        SpecificRecordTypeInfo.forClass(HotspotCell.class));
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "synthetic cells")
                .sinkTo(
                        ElasticsearchSink.<HotspotCell>builder()
                                .serverUrl(url)
                                .elementConverter(new HotspotCellConverter())
                                .build());
        long began = System.nanoTime();
        env.execute("elasticsearch sink benchmark");
        double seconds = (System.nanoTime() - began) / 1e9;
        LOG.info("sink: {} documents in {} s", documents, seconds);
        return documents / seconds;
    }

    private static HotspotCell syntheticCell(List<Long> cells, long start, long index) {
        CellGrid grid = GRID;
        long cell = cells.get((int) (index % cells.size()));
        long windowStart = start + (index / cells.size()) * HotspotPipeline.HOUR_MS;
        var centre = grid.centre(cell);
        SuppressibleCount five =
                SuppressibleCount.newBuilder().setValue(5L).setSuppressed(false).build();
        return HotspotCell.newBuilder()
                .setCellId(grid.address(cell))
                .setResolution(8)
                .setCentre(new GeoPoint(centre.lat, centre.lng))
                .setGranularity(WindowGranularity.HOUR)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowStart + HotspotPipeline.HOUR_MS))
                .setIncidentsByCategory(Map.of("THEFT", five))
                .setIncidents(five)
                .setFlaggedSightings(five)
                .setTotalReads(five)
                .setIncidentValueCents(five)
                .setGiStarZ(0.5)
                .setTrend(HotspotTrend.NONE)
                .setComputedAt(Instant.now())
                .build();
    }

    /** Simulated days through the whole job into the node. */
    private static Result jobEventsPerSecond(String url, int days) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Instant first =
                LocalDate.now(ZoneOffset.UTC)
                        .minusDays(days)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        List<Incident> incidents = new java.util.ArrayList<>();
        List<Alert> alerts = new java.util.ArrayList<>();
        List<PlateRead> reads = new java.util.ArrayList<>();
        for (int day = 0; day < days; day++) {
            SimulatedDay simulated = new SimulatedDay(first.plus(java.time.Duration.ofDays(day)));
            incidents.addAll(simulated.incidents);
            alerts.addAll(simulated.alerts);
            reads.addAll(simulated.reads);
        }
        HotspotConfig config = HotspotConfig.defaults();
        HotspotJob.Inputs inputs =
                new HotspotJob.Inputs(
                        TestStreams.of(
                                env,
                                SpecificRecordTypeInfo.forClass(Incident.class),
                                HotspotJob.incidentWatermarks(config),
                                "incidents",
                                incidents),
                        TestStreams.of(
                                env,
                                SpecificRecordTypeInfo.forClass(Alert.class),
                                HotspotJob.alertWatermarks(config),
                                "alerts",
                                alerts),
                        TestStreams.of(
                                env,
                                SpecificRecordTypeInfo.forClass(PlateRead.class),
                                HotspotJob.readWatermarks(config),
                                "reads",
                                reads));
        new HotspotJob(config)
                .build(
                        inputs,
                        new HotspotJob.Sinks(
                                ElasticsearchSink.<HotspotCell>builder()
                                        .serverUrl(url)
                                        .elementConverter(new HotspotCellConverter())
                                        .build(),
                                new CollectingSink<>("bench-dead-letters"),
                                new CollectingSink<>("bench-late")));
        long events = incidents.size() + alerts.size() + reads.size();
        long before = storedDocuments(url);
        long began = System.nanoTime();
        env.execute("hot-spot job benchmark");
        double seconds = (System.nanoTime() - began) / 1e9;
        long stored = storedDocuments(url) - before;
        LOG.info("job: {} events in {} s, {} documents stored", events, seconds, stored);
        return new Result(events, stored, events / seconds);
    }

    private static long storedDocuments(String url) throws java.io.IOException {
        var client = ElasticsearchClients.blocking(url);
        try {
            client.indices().refresh(r -> r.index(HotspotIndexNames.ALIAS));
            return client.count(c -> c.index(HotspotIndexNames.ALIAS)).count();
        } finally {
            client._transport().close();
        }
    }
}
