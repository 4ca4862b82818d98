package io.platewatch.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.InvalidKeyspaceException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.InvalidConfigurationInQueryException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Decides whether a failed Cassandra request is worth retrying and, when it is not, what the
 * operator has to fix. Transient: timeouts, unavailable or overloaded replicas, a node still
 * bootstrapping, lost connections and "no node reachable". Everything else is fatal: retrying a
 * syntax error or a missing table only delays the same failure.
 */
public final class CassandraErrors {

    private CassandraErrors() {}

    /** True for failures that may pass on their own. */
    public static boolean isRetryable(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof AllNodesFailedException allFailed) {
            // "No node reachable" is an outage; every node refusing the same way is not.
            List<Throwable> causes =
                    allFailed.getAllErrors().values().stream().flatMap(List::stream).toList();
            return causes.isEmpty() || causes.stream().anyMatch(CassandraErrors::isRetryable);
        }
        // NodeUnavailable: every connection to the node is busy or reconnecting.
        return e instanceof DriverTimeoutException
                || e instanceof NodeUnavailableException
                || e instanceof RequestThrottlingException
                || e instanceof ClosedConnectionException
                || e instanceof HeartbeatException
                || e instanceof BusyConnectionException
                || e instanceof ConnectionInitException
                || e instanceof UnavailableException
                || e instanceof QueryConsistencyException
                || e instanceof OverloadedException
                || e instanceof BootstrappingException
                || e instanceof TruncateException;
    }

    /** What to fix for a fatal failure, in one sentence. */
    public static String fixFor(Throwable error) {
        Throwable e = unwrap(error);
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof SyntaxError) {
            return "A statement of the sink's row mapper is not valid CQL: fix the statement text.";
        }
        if (e instanceof InvalidKeyspaceException
                || (message.contains("keyspace") && message.contains("does not exist"))) {
            return "The keyspace does not exist: apply the schema (platewatch up, or CqlSchema) or"
                    + " correct the configured keyspace.";
        }
        if (message.contains("unconfigured table")
                || (message.contains("table") && message.contains("does not exist"))) {
            return "A table the sink writes to does not exist: apply the CQL schema files to the"
                    + " keyspace (platewatch up, or CqlSchema).";
        }
        if (e instanceof InvalidConfigurationInQueryException) {
            return "The statement asks for an invalid table option: fix the row mapper's"
                    + " statement.";
        }
        if (e instanceof InvalidQueryException) {
            return "Cassandra rejected the statement (unknown column, wrong type or number of"
                    + " values): align the row mapper with the table definition.";
        }
        if (e instanceof CodecNotFoundException) {
            return "A value's Java type does not fit its column: fix the row mapper's values.";
        }
        if (e instanceof AuthenticationException) {
            return "Cassandra refused the credentials: configure a valid user for the sink.";
        }
        if (e instanceof UnauthorizedException) {
            return "The sink's user may not write here: grant it MODIFY (and SELECT) on the"
                    + " keyspace.";
        }
        if (e instanceof IllegalArgumentException) {
            return "The values do not match the statement's bind markers: fix the row mapper.";
        }
        return "Unexpected failure: see the cause.";
    }

    /** The failure behind the wrappers that futures add. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
