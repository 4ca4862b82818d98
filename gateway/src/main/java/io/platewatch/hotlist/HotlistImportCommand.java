package io.platewatch.hotlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.serde.ConfluentAvroDeserializer;
import io.platewatch.serde.ConfluentAvroSerializer;
import io.platewatch.serde.SerdeConfig;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Imports a hotlist CSV into the flag topic and prints what happened to each row. Exit code 0 when
 * every row was stored, 1 when some were rejected or not stored, 2 on a file it cannot read.
 */
@Command(
        name = "platewatch-hotlist-import",
        mixinStandardHelpOptions = true,
        description = "Loads a hotlist CSV as flag events (ADD, or UPDATE for known flags).")
public final class HotlistImportCommand implements Callable<Integer> {
    private static final int SHOWN_REJECTIONS = 50;

    @Spec CommandSpec spec;

    @Option(names = "--file", required = true, description = "Hotlist CSV with a header row.")
    Path file;

    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "Schema registry base URL.")
    String registryUrl;

    @Option(names = "--dry-run", description = "Check rows only; send nothing, read no flags.")
    boolean dryRun;

    @Option(names = "--owner", description = "Owning organisation for rows without an owner.")
    String owner;

    @Option(names = "--created-by", defaultValue = "hotlist-import", description = "Creator id.")
    String createdBy;

    @Option(names = "--justification", description = "Justification for rows without one.")
    String justification;

    @Option(
            names = "--default-category",
            defaultValue = "OTHER",
            description = "${COMPLETION-CANDIDATES}")
    FlagCategory category;

    @Option(
            names = "--default-sharing",
            defaultValue = "OWNER_ONLY",
            description = "${COMPLETION-CANDIDATES}")
    SharingLevel sharing;

    @Option(
            names = "--default-priority",
            defaultValue = "MEDIUM",
            description = "${COMPLETION-CANDIDATES}")
    Priority priority;

    @Option(names = "--region-prefix", description = "Country for bare state codes, e.g. US.")
    String regionPrefix;

    @Option(names = "--month-first", description = "Slashed dates are month/day/year.")
    boolean monthFirst;

    @Option(names = "--report", description = "Write the full report as JSON to this file.")
    Path report;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HotlistImportCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!dryRun && (bootstrapServers == null || registryUrl == null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--bootstrap-servers and --registry-url are required unless --dry-run");
        }
        FlagRowMapper mapper =
                new FlagRowMapper(
                        new ImportDefaults(
                                owner,
                                createdBy,
                                justification,
                                category,
                                sharing,
                                priority,
                                regionPrefix,
                                monthFirst),
                        Clock.systemUTC());
        ImportReport result;
        if (dryRun) {
            result = run(new HotlistImporter(mapper, ExistingFlags.none(), flag -> done()));
        } else {
            try (KafkaFlags kafka = kafkaFlags()) {
                result = run(new HotlistImporter(mapper, kafka, kafka));
            }
        }
        print(result);
        if (report != null) {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(report.toFile(), result);
        }
        return result.clean() ? 0 : 1;
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private ImportReport run(HotlistImporter importer) throws Exception {
        ProgressBarBuilder progress =
                new ProgressBarBuilder()
                        .setTaskName("Import")
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" KiB", 1024)
                        .setInitialMax(Files.size(file))
                        .continuousUpdate();
        try (InputStream in = ProgressBar.wrap(Files.newInputStream(file), progress);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return importer.importCsv(reader);
        }
    }

    private void print(ImportReport result) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%d rows: %d added, %d updated, %d rejected, %d not stored%s%n",
                result.rows(),
                result.added(),
                result.updated(),
                result.rejected().size(),
                result.notStored().size(),
                dryRun ? " (dry run: nothing sent)" : "");
        if (!result.ignoredColumns().isEmpty()) {
            out.printf("ignored columns: %s%n", String.join(", ", result.ignoredColumns()));
        }
        result.rejected().stream()
                .limit(SHOWN_REJECTIONS)
                .forEach(r -> out.printf("row %d rejected: %s%n", r.row(), r.reason()));
        if (result.rejected().size() > SHOWN_REJECTIONS) {
            out.printf(
                    "... %d more rejections; see --report%n",
                    result.rejected().size() - SHOWN_REJECTIONS);
        }
        result.notStored().forEach(r -> out.printf("row %d not stored: %s%n", r.row(), r.reason()));
        out.flush();
    }

    private KafkaFlags kafkaFlags() {
        Map<String, Object> common = new HashMap<>();
        common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        common.put(SerdeConfig.REGISTRY_URL, registryUrl);

        Map<String, Object> producer = new HashMap<>(common);
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        ConfluentAvroSerializer<VehicleFlag> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(producer, false);

        Map<String, Object> consumer = new HashMap<>(common);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(SerdeConfig.VALUE_TYPE, VehicleFlag.class);
        ConfluentAvroDeserializer<VehicleFlag> deserializer = new ConfluentAvroDeserializer<>();
        deserializer.configure(consumer, false);

        return new KafkaFlags(
                new KafkaProducer<>(producer, new StringSerializer(), serializer),
                new KafkaConsumer<>(consumer, new StringDeserializer(), deserializer));
    }
}
