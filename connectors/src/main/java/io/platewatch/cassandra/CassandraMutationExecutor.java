package io.platewatch.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * Runs mutations and point lookups on a driver session: statements are prepared once and cached,
 * every bound statement is marked idempotent, TTLs are computed at send time from each row's
 * expiry, and transient failures are retried with exponential backoff within the retry budget. A
 * failure that is fatal, or transient for longer than the budget, completes the future with a
 * {@link CassandraSinkException} that says what to fix.
 */
public final class CassandraMutationExecutor {

    /** What the executor counts; the sink writer feeds these into Flink metrics. */
    public interface Counters {
        Counters NONE = new Counters() {};

        default void written() {}

        default void expiredSkipped() {}

        default void retried() {}
    }

    private final CqlSession session;
    private final CassandraRetry retry;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Counters counters;
    private final ConcurrentMap<String, CompletableFuture<PreparedStatement>> prepared =
            new ConcurrentHashMap<>();

    public CassandraMutationExecutor(
            CqlSession session,
            CassandraRetry retry,
            ScheduledExecutorService scheduler,
            LongSupplier clock,
            Counters counters) {
        this.session = session;
        this.retry = retry;
        this.scheduler = scheduler;
        this.clock = clock;
        this.counters = counters;
    }

    /** Runs every mutation of the request; completes when all have succeeded. */
    public CompletableFuture<Void> execute(CassandraWriteRequest request) {
        List<CompletableFuture<Void>> writes = new ArrayList<>(request.mutations().size());
        for (CassandraMutation mutation : request.mutations()) {
            writes.add(execute(mutation));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** Runs one mutation, with retries; a row already past its expiry is skipped. */
    public CompletableFuture<Void> execute(CassandraMutation mutation) {
        return withRetries()
                .getStageAsync(() -> send(mutation))
                .thenApply(ignored -> (Void) null)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(explain(error)));
    }

    /** Reads at most one row by a full primary key, with the same retries as writes. */
    public CompletableFuture<Optional<Row>> selectOne(String cql, Serializable... values) {
        return withRetries()
                .getStageAsync(
                        () ->
                                prepare(cql)
                                        .thenCompose(
                                                statement ->
                                                        session.executeAsync(
                                                                statement
                                                                        .bind((Object[]) values)
                                                                        .setIdempotent(true))))
                .thenApply(result -> Optional.ofNullable(result.one()))
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(explain(error)));
    }

    private CompletableFuture<AsyncResultSet> send(CassandraMutation mutation) {
        long ttl = 0;
        if (mutation.expires()) {
            ttl = mutation.ttlSecondsAt(clock.getAsLong());
            if (ttl <= 0) {
                counters.expiredSkipped();
                return CompletableFuture.completedFuture(null);
            }
        }
        long ttlSeconds = ttl;
        return prepare(mutation.cql())
                .thenCompose(
                        statement -> session.executeAsync(bind(statement, mutation, ttlSeconds)))
                .toCompletableFuture()
                .thenApply(
                        result -> {
                            counters.written();
                            return result;
                        });
    }

    private static BoundStatement bind(
            PreparedStatement statement, CassandraMutation mutation, long ttlSeconds) {
        List<Object> values = new ArrayList<>(mutation.values());
        if (mutation.expires()) {
            // Cassandra caps a TTL at 20 years; longer retention is refused, not shortened.
            values.add(Math.toIntExact(ttlSeconds));
        }
        return statement.bind(values.toArray()).setIdempotent(true);
    }

    /** The cached preparation of a statement; a failed one is forgotten so it is tried again. */
    private CompletableFuture<PreparedStatement> prepare(String cql) {
        CompletableFuture<PreparedStatement> statement =
                prepared.computeIfAbsent(
                        cql, text -> session.prepareAsync(text).toCompletableFuture());
        return statement.whenComplete(
                (ok, error) -> {
                    if (error != null) {
                        prepared.remove(cql, statement);
                    }
                });
    }

    private <R> FailsafeExecutor<R> withRetries() {
        RetryPolicy<R> policy =
                RetryPolicy.<R>builder()
                        .handleIf(CassandraErrors::isRetryable)
                        .withBackoff(retry.initialDelay(), retry.maxDelay())
                        .withJitter(0.2)
                        .withMaxRetries(-1)
                        .withMaxDuration(retry.giveUpAfter())
                        .onRetry(event -> counters.retried())
                        .build();
        return Failsafe.with(policy).with(scheduler);
    }

    private CassandraSinkException explain(Throwable error) {
        Throwable cause = CassandraErrors.unwrap(error);
        if (cause instanceof CassandraSinkException explained) {
            return explained;
        }
        if (CassandraErrors.isRetryable(cause)) {
            return new CassandraSinkException(
                    "Cassandra stayed unreachable or overloaded for the whole retry budget of "
                            + retry.giveUpAfter().toSeconds()
                            + " s ("
                            + cause.getClass().getSimpleName()
                            + "): check that the nodes are up and reachable from the job.",
                    cause);
        }
        return new CassandraSinkException(
                CassandraErrors.fixFor(cause)
                        + " ("
                        + cause.getClass().getSimpleName()
                        + ": "
                        + cause.getMessage()
                        + ")",
                cause);
    }
}
