package io.platewatch.hotlist;

import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.VehicleFlag;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a hotlist CSV into flag events. Each valid row becomes ADD, or UPDATE when a live flag with
 * the same id (owner, plate, region) exists already. A second row for the same flag in one file is
 * refused, so the file's intent is never a guess. Counts include only events Kafka acknowledged.
 */
public final class HotlistImporter {
    private static final Logger LOG = LoggerFactory.getLogger(HotlistImporter.class);

    private final FlagRowMapper mapper;
    private final ExistingFlags existing;
    private final FlagSink sink;

    public HotlistImporter(FlagRowMapper mapper, ExistingFlags existing, FlagSink sink) {
        this.mapper = mapper;
        this.existing = existing;
        this.sink = sink;
    }

    /** Imports every row of {@code csv}; returns once every sent event is acknowledged. */
    public ImportReport importCsv(Reader csv) throws IOException {
        Set<String> live = existing.liveFlagIds();
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setTrim(true)
                        .get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            Map<String, HotlistColumn> columns = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            resolveColumns(parser.getHeaderNames(), columns, ignored);
            return importRows(parser, columns, ignored, live);
        }
    }

    private static void resolveColumns(
            List<String> headers, Map<String, HotlistColumn> columns, List<String> ignored) {
        for (String header : headers) {
            HotlistColumn.forHeader(header)
                    .ifPresentOrElse(
                            column -> {
                                if (columns.containsValue(column)) {
                                    throw new IllegalArgumentException(
                                            "two headers name the "
                                                    + column.name().toLowerCase(Locale.ROOT)
                                                    + " column; keep one");
                                }
                                columns.put(header, column);
                            },
                            () -> ignored.add(header));
        }
        if (!columns.containsValue(HotlistColumn.PLATE)) {
            throw new IllegalArgumentException(
                    "no plate column; name one of " + HotlistColumn.PLATE.aliases());
        }
    }

    private ImportReport importRows(
            CSVParser parser,
            Map<String, HotlistColumn> columns,
            List<String> ignored,
            Set<String> live) {
        int rows = 0;
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        Map<String, Long> firstRowOfFlag = new HashMap<>();
        Map<Long, Sent> sent = new LinkedHashMap<>();
        for (CSVRecord record : parser) {
            rows++;
            long row = record.getRecordNumber() + 1;
            try {
                VehicleFlag flag = mapper.map(values(record, columns));
                Long earlier = firstRowOfFlag.putIfAbsent(flag.getFlagId(), row);
                if (earlier != null) {
                    throw new RowRejected(
                            "same owner, plate and region as row " + earlier + "; keep one");
                }
                boolean exists = live.contains(flag.getFlagId());
                flag.setAction(exists ? FlagAction.UPDATE : FlagAction.ADD);
                sent.put(row, new Sent(sink.send(flag), exists));
            } catch (RowRejected e) {
                rejected.add(new ImportReport.Rejection(row, e.getMessage()));
            }
        }
        List<ImportReport.Rejection> notStored = new ArrayList<>();
        int added = 0;
        int updated = 0;
        for (Map.Entry<Long, Sent> entry : sent.entrySet()) {
            String failure = failureOf(entry.getValue().ack());
            if (failure != null) {
                notStored.add(new ImportReport.Rejection(entry.getKey(), failure));
            } else if (entry.getValue().update()) {
                updated++;
            } else {
                added++;
            }
        }
        LOG.info(
                "Hotlist import: {} rows, {} added, {} updated, {} rejected, {} not stored",
                rows,
                added,
                updated,
                rejected.size(),
                notStored.size());
        return new ImportReport(rows, added, updated, rejected, notStored, ignored);
    }

    /** A flag event handed to the sink, and whether it updates an existing flag. */
    private record Sent(CompletableFuture<Void> ack, boolean update) {}

    private static String failureOf(CompletableFuture<Void> ack) {
        try {
            ack.join();
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "not stored in Kafka: " + cause.getClass().getSimpleName();
        }
    }

    private static Map<HotlistColumn, String> values(
            CSVRecord record, Map<String, HotlistColumn> columns) {
        Map<HotlistColumn, String> values = new EnumMap<>(HotlistColumn.class);
        columns.forEach(
                (header, column) -> {
                    if (record.isSet(header)) {
                        values.put(column, record.get(header));
                    }
                });
        return values;
    }
}
