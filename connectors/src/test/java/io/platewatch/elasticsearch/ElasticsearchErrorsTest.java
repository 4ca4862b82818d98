package io.platewatch.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.elasticsearch.ElasticsearchErrors.Outcome;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ElasticsearchErrorsTest {

    @Test
    void bulkItemsAreClassifiedByStatusAndErrorType() {
        assertThat(ElasticsearchErrors.classifyItem(201, null)).isEqualTo(Outcome.WRITTEN);
        assertThat(ElasticsearchErrors.classifyItem(200, null)).isEqualTo(Outcome.WRITTEN);
        assertThat(ElasticsearchErrors.classifyItem(409, "version_conflict_engine_exception"))
                .isEqualTo(Outcome.SUPERSEDED);
        assertThat(ElasticsearchErrors.classifyItem(429, "es_rejected_execution_exception"))
                .isEqualTo(Outcome.RETRY);
        assertThat(ElasticsearchErrors.classifyItem(503, "unavailable_shards_exception"))
                .isEqualTo(Outcome.RETRY);
        assertThat(ElasticsearchErrors.classifyItem(400, "strict_dynamic_mapping_exception"))
                .isEqualTo(Outcome.FATAL);
        assertThat(ElasticsearchErrors.classifyItem(400, "document_parsing_exception"))
                .isEqualTo(Outcome.FATAL);
    }

    @Test
    void aMappingErrorSaysToInstallTheIndexTemplate() {
        String fix =
                ElasticsearchErrors.fixForDocument(
                        "platewatch-hotspots-2026.12",
                        400,
                        "strict_dynamic_mapping_exception",
                        "mapping set to strict, dynamic introduction of [plate] is not allowed");
        assertThat(fix)
                .contains("platewatch-hotspots-2026.12")
                .contains("strict_dynamic_mapping_exception")
                .contains("_index_template/platewatch-hotspots")
                .contains("platewatch-hotspots.index-template.json");
    }

    @Test
    void connectionFailuresAreRetryableWrappedOrNot() {
        assertThat(ElasticsearchErrors.isRetryableRequestFailure(new ConnectException("refused")))
                .isTrue();
        assertThat(
                        ElasticsearchErrors.isRetryableRequestFailure(
                                new CompletionException(new ConnectException("refused"))))
                .isTrue();
        assertThat(ElasticsearchErrors.isRetryableRequestFailure(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        ElasticsearchRetry retry = ElasticsearchSinkOptions.RETRY;
        assertThat(retry.delayBefore(1).toMillis()).isEqualTo(200);
        assertThat(retry.delayBefore(2).toMillis()).isEqualTo(400);
        assertThat(retry.delayBefore(3).toMillis()).isEqualTo(800);
        assertThat(retry.delayBefore(30).toMillis()).isEqualTo(10_000);
    }
}
