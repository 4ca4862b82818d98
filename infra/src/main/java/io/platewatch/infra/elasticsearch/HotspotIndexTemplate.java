package io.platewatch.infra.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The index template of the hot-spot cells ({@code elasticsearch/platewatch-hotspots
 * .index-template.json}): explicit, strict mapping for every monthly index {@code
 * platewatch-hotspots-YYYY.MM}, which also join the alias {@code platewatch-hotspots} that queries
 * read through.
 */
public final class HotspotIndexTemplate {

    public static final String NAME = "platewatch-hotspots";
    public static final String RESOURCE = "/elasticsearch/platewatch-hotspots.index-template.json";

    private HotspotIndexTemplate() {}

    /** The template body as installed. */
    public static String json() {
        try (InputStream in = HotspotIndexTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PUT _index_template/platewatch-hotspots; replacing an existing template is fine. */
    public static void install(ElasticsearchHttp http) {
        try {
            HttpResponse<String> response = http.put("/_index_template/" + NAME, json());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Elasticsearch refused the index template "
                                + NAME
                                + " with HTTP "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install index template " + NAME, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing " + NAME, e);
        }
    }
}
