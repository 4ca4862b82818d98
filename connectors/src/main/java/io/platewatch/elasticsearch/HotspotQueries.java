package io.platewatch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.GeoBounds;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an analyst asks of the hot-spot indices, on the client's typed API, through the alias over
 * every monthly index. Only published values exist in the index, so nothing here can reveal a
 * withheld count; sums over windows add published values only and say how many windows were
 * withheld.
 */
public final class HotspotQueries {

    /** Upper bound of documents one time series returns (a year of hours is 8,760). */
    private static final int MAX_SERIES = 10_000;

    private final ElasticsearchClient client;
    private final String index;

    public HotspotQueries(ElasticsearchClient client) {
        this(client, HotspotIndexNames.ALIAS);
    }

    public HotspotQueries(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** An area: its north-west and south-east corners in WGS84 degrees. */
    public record BoundingBox(double north, double west, double south, double east) {}

    /**
     * One cell's published incidents summed over the windows of a time range.
     *
     * @param publishedIncidents sum of the published incident totals
     * @param windows windows of the cell in the range
     * @param withheldWindows windows whose total was withheld (not in the sum)
     */
    public record CellTotal(
            String cellId, long publishedIncidents, long windows, long withheldWindows) {}

    /**
     * The cells with the most published incidents in windows of {@code granularity} that start in
     * [from, to), with their centre in {@code box}; most incidents first.
     */
    public List<CellTotal> topCells(
            String granularity, Instant from, Instant to, BoundingBox box, int limit) {
        Query filter =
                Query.of(
                        q ->
                                q.bool(
                                        b ->
                                                b.filter(term("granularity", granularity))
                                                        .filter(windowStartIn(from, to))
                                                        .filter(within(box))));
        SearchResponse<Void> response =
                search(
                        s ->
                                s.index(index)
                                        .size(0)
                                        .query(filter)
                                        .aggregations("cells", perCell(limit)),
                        Void.class);
        List<CellTotal> cells = new ArrayList<>();
        for (StringTermsBucket bucket :
                response.aggregations().get("cells").sterms().buckets().array()) {
            cells.add(
                    new CellTotal(
                            bucket.key().stringValue(),
                            Math.round(bucket.aggregations().get("published").sum().value()),
                            bucket.docCount(),
                            bucket.aggregations().get("withheld").filter().docCount()));
        }
        return cells;
    }

    /** One cell's windows of {@code granularity} starting in [from, to), oldest first. */
    public List<HotspotDocument> timeSeries(
            String cellId, String granularity, Instant from, Instant to) {
        Query filter =
                Query.of(
                        q ->
                                q.bool(
                                        b ->
                                                b.filter(term("cellId", cellId))
                                                        .filter(term("granularity", granularity))
                                                        .filter(windowStartIn(from, to))));
        return documents(
                search(
                        s ->
                                s.index(index)
                                        .size(MAX_SERIES)
                                        .query(filter)
                                        .sort(sortBy("windowStart", SortOrder.Asc)),
                        HotspotDocument.class));
    }

    /**
     * Emerging hot spots: windows of {@code granularity} starting in [from, to) whose trend label
     * is not NONE, highest Gi* z-score first.
     */
    public List<HotspotDocument> emergingHotspots(
            String granularity, Instant from, Instant to, int limit) {
        Query filter =
                Query.of(
                        q ->
                                q.bool(
                                        b ->
                                                b.filter(term("granularity", granularity))
                                                        .filter(windowStartIn(from, to))
                                                        .mustNot(term("trend", "NONE"))));
        return documents(
                search(
                        s ->
                                s.index(index)
                                        .size(limit)
                                        .query(filter)
                                        .sort(sortBy("giStarZ", SortOrder.Desc)),
                        HotspotDocument.class));
    }

    /** Terms per cell, ordered by the sum of published incidents, with the withheld windows. */
    private static Aggregation perCell(int limit) {
        return Aggregation.of(
                a ->
                        a.terms(
                                        t ->
                                                t.field("cellId")
                                                        .size(limit)
                                                        .order(
                                                                NamedValue.of(
                                                                        "published",
                                                                        SortOrder.Desc)))
                                .aggregations(
                                        "published",
                                        Aggregation.of(sum -> sum.sum(m -> m.field("incidents"))))
                                .aggregations(
                                        "withheld",
                                        Aggregation.of(
                                                w -> w.filter(term("incidentsSuppressed", true)))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query term(String field, boolean value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    /** Sorts on one field; documents without it come last. */
    private static SortOptions sortBy(String field, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(order).missing("_last")));
    }

    private static Query windowStartIn(Instant from, Instant to) {
        String gte = Long.toString(from.toEpochMilli());
        String lt = Long.toString(to.toEpochMilli());
        return Query.of(
                q ->
                        q.range(
                                r ->
                                        r.date(
                                                d ->
                                                        d.field("windowStart")
                                                                .gte(gte)
                                                                .lt(lt)
                                                                .format("epoch_millis"))));
    }

    /** Cell centres inside the box (a geo_bounding_box on the geo_point). */
    private static Query within(BoundingBox box) {
        GeoBounds bounds =
                GeoBounds.of(
                        b ->
                                b.coords(
                                        c ->
                                                c.top(box.north())
                                                        .left(box.west())
                                                        .bottom(box.south())
                                                        .right(box.east())));
        return Query.of(q -> q.geoBoundingBox(g -> g.field("centre").boundingBox(bounds)));
    }

    private <T> SearchResponse<T> search(
            java.util.function.Function<
                            co.elastic.clients.elasticsearch.core.SearchRequest.Builder,
                            co.elastic.clients.util.ObjectBuilder<
                                    co.elastic.clients.elasticsearch.core.SearchRequest>>
                    request,
            Class<T> type) {
        try {
            return client.search(request, type);
        } catch (IOException e) {
            throw new UncheckedIOException("hot-spot query failed", e);
        }
    }

    private static List<HotspotDocument> documents(SearchResponse<HotspotDocument> response) {
        return response.hits().hits().stream().map(Hit::source).toList();
    }
}
