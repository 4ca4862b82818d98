package io.platewatch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;

/**
 * Clients of one Elasticsearch endpoint over plain HTTP, with the Jackson mapper that reads {@link
 * HotspotDocument}s. The client checks the X-Elastic-Product header, so only Elasticsearch itself
 * (not a look-alike) is accepted.
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    /** A blocking client, for queries and tools. Close it with {@code _transport().close()}. */
    public static ElasticsearchClient blocking(String serverUrl) {
        return ElasticsearchClient.of(
                config -> config.host(serverUrl).jsonMapper(new JacksonJsonpMapper()));
    }

    /** A non-blocking client, for the sink. */
    public static ElasticsearchAsyncClient async(String serverUrl) {
        return ElasticsearchAsyncClient.of(
                config -> config.host(serverUrl).jsonMapper(new JacksonJsonpMapper()));
    }
}
