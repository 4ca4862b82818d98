package io.platewatch.infra.elasticsearch;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platewatch hotspot-retention}: deletes monthly hot-spot indices older than the retention,
 * whole, and prints what it deleted. Run it daily (cron, a CI schedule); it is idempotent.
 */
@Command(
        name = "hotspot-retention",
        mixinStandardHelpOptions = true,
        description =
                "Deletes platewatch-hotspots-YYYY.MM indices older than --keep-months (UTC months;"
                        + " the current month counts as one).")
public final class HotspotRetentionCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:9200",
            description = "Elasticsearch base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(
            names = "--keep-months",
            defaultValue = "13",
            description = "Months to keep, the current one included (default: ${DEFAULT-VALUE}).")
    int keepMonths;

    @Option(names = "--dry-run", description = "List what would be deleted, delete nothing.")
    boolean dryRun;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException, InterruptedException {
        ElasticsearchHttp http =
                new ElasticsearchHttp(
                        url, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        PrintWriter out = spec.commandLine().getOut();
        List<String> expired =
                HotspotIndices.expired(
                        listIndices(http),
                        YearMonth.now(clock.withZone(ZoneOffset.UTC)),
                        keepMonths);
        for (String index : expired) {
            if (!dryRun) {
                HttpResponse<String> deleted = http.delete("/" + index);
                if (deleted.statusCode() != 200 && deleted.statusCode() != 404) {
                    throw new IllegalStateException(
                            "deleting " + index + " failed with HTTP " + deleted.statusCode());
                }
            }
            out.println((dryRun ? "would delete " : "deleted ") + index);
        }
        out.println(expired.size() + " index(es) " + (dryRun ? "expired" : "deleted"));
        out.flush();
        return 0;
    }

    /** Names of the existing hot-spot indices ({@code _cat/indices}, one name per line). */
    static List<String> listIndices(ElasticsearchHttp http)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.get(
                        "/_cat/indices/" + HotspotIndices.PREFIX + "*?h=index&expand_wildcards=all",
                        Duration.ofSeconds(30));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "listing hot-spot indices failed with HTTP " + response.statusCode());
        }
        return Arrays.stream(response.body().split("\n"))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
