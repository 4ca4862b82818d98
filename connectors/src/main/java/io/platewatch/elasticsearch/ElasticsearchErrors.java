package io.platewatch.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Decides what a failure means for the sink: retry it, accept it, or stop with a message that says
 * what to fix. Messages carry index names, error types and Elasticsearch's reason (which for our
 * documents holds field names and values of de-identified aggregates, never a plate or a person).
 */
public final class ElasticsearchErrors {

    /** What became of one document of a bulk request. */
    public enum Outcome {
        /** Indexed. */
        WRITTEN,
        /** A newer version of the document is already stored; nothing to do. */
        SUPERSEDED,
        /** The node was overloaded or a shard unavailable: send the document again later. */
        RETRY,
        /** The document can never be indexed as it is; the job must stop. */
        FATAL
    }

    private ElasticsearchErrors() {}

    /**
     * @param status HTTP status of the item
     * @param errorType Elasticsearch error type of the item, null when it succeeded
     */
    public static Outcome classifyItem(int status, String errorType) {
        if (errorType == null && status >= 200 && status < 300) {
            return Outcome.WRITTEN;
        }
        if (status == 409 || "version_conflict_engine_exception".equals(errorType)) {
            return Outcome.SUPERSEDED;
        }
        if (status == 429 || "es_rejected_execution_exception".equals(errorType) || status >= 500) {
            return Outcome.RETRY;
        }
        return Outcome.FATAL;
    }

    /**
     * Whether a whole bulk request failed for a reason that may pass: no connection, a timeout,
     * HTTP 429 (the node sheds load) or a 5xx.
     */
    public static boolean isRetryableRequestFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ElasticsearchException e) {
            return e.status() == 429 || e.status() >= 500;
        }
        if (cause instanceof TransportException e) {
            return e.statusCode() == 429 || e.statusCode() >= 500 || e.statusCode() <= 0;
        }
        return cause instanceof IOException;
    }

    /** What to do about a document the node refused. */
    public static String fixForDocument(String index, int status, String errorType, String reason) {
        String what =
                "Elasticsearch refused a document for index "
                        + index
                        + " (HTTP "
                        + status
                        + ", "
                        + errorType
                        + ": "
                        + reason
                        + "). ";
        return switch (errorType == null ? "" : errorType) {
            case "strict_dynamic_mapping_exception",
                    "mapper_parsing_exception",
                    "document_parsing_exception",
                    "illegal_argument_exception" ->
                    what
                            + "The index mapping does not match the documents: install the current"
                            + " index template (platewatch up provisions it, or PUT"
                            + " _index_template/platewatch-hotspots with"
                            + " infra/src/main/resources/elasticsearch/"
                            + "platewatch-hotspots.index-template.json), delete or reindex the"
                            + " monthly index that was created without it, then restart the job.";
            case "index_not_found_exception" ->
                    what
                            + "Automatic index creation is off on this cluster: allow it for"
                            + " platewatch-hotspots-* (action.auto_create_index) or create the"
                            + " monthly index before the month starts.";
            case "cluster_block_exception" ->
                    what
                            + "The index is blocked (often read-only after the disk flood-stage"
                            + " watermark): free disk space and clear"
                            + " index.blocks.read_only_allow_delete, then restart the job.";
            case "security_exception" ->
                    what + "The sink's credentials may not write to platewatch-hotspots-*.";
            default -> what + "Fix the cause above, then restart the job.";
        };
    }

    /** The cause inside the wrappers futures and Failsafe add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException
                        || cause instanceof ExecutionException
                        || cause instanceof dev.failsafe.FailsafeException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
