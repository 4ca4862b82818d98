package io.platewatch.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.elasticsearch.HotspotIndexNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the retention and hot-spot jobs left in their stores, counted once the jobs have stopped and
 * before the stack does: read and alert rows in Cassandra, hot-spot cells in Elasticsearch. The
 * stores keep their data between runs, so the counts include earlier runs. A count that cannot be
 * taken is left out, with the reason in the log.
 */
final class StoredCounts {

    private static final Logger LOG = LoggerFactory.getLogger(StoredCounts.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StoredCounts() {}

    /** Counts by label, in display order. */
    static Map<String, Long> count(Endpoints endpoints, Supplier<CqlSession> cassandra) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (endpoints.cassandraContactPoint().isPresent()) {
            try (CqlSession session = cassandra.get()) {
                String keyspace = endpoints.cassandraKeyspace();
                counts.put("reads in Cassandra", rows(session, keyspace + ".reads_by_site"));
                counts.put("alerts in Cassandra", rows(session, keyspace + ".alerts_by_id"));
            } catch (RuntimeException e) {
                LOG.warn("Cassandra rows not counted: {}", e.toString());
            }
        }
        endpoints
                .elasticsearchUrl()
                .ifPresent(
                        url -> {
                            try {
                                counts.put("hot-spot cells in Elasticsearch", cells(url));
                            } catch (IOException | RuntimeException e) {
                                LOG.warn("Hot-spot cells not counted: {}", e.toString());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        return counts;
    }

    private static long rows(CqlSession session, String table) {
        Row row = session.execute("SELECT count(*) FROM " + table).one();
        return row == null ? 0 : row.getLong(0);
    }

    private static long cells(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        baseUrl
                                                                + "/"
                                                                + HotspotIndexNames.ALIAS
                                                                + "/_count"))
                                        .timeout(TIMEOUT)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0; // no cell published yet, so no index behind the alias
        }
        if (response.statusCode() != 200) {
            throw new IOException("count answered " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).path("count").asLong();
    }
}
