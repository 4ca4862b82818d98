package io.platewatch.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.platewatch.infra.cassandra.CassandraServer;
import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.infra.stack.StackListener;
import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.infra.testing.StackServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sink against a real Cassandra node: TTLs end at each row's expiry, expired rows are skipped,
 * a replay changes nothing, a missing table fails the job with what to fix, and a 20 s outage of
 * the node in the middle of a run loses nothing.
 */
@ExtendWith(LocalStackExtension.class)
@StackServices(ServiceKind.CASSANDRA)
class CassandraSinkTest {

    private static final String TABLE = "sink_test";
    private static final String INSERT =
            "INSERT INTO " + TABLE + " (run, id, payload) VALUES (?, ?, ?) USING TTL ?";
    private static final Duration DAY = Duration.ofDays(1);

    private static CassandraServer cassandra;
    private static CqlSession session;

    @BeforeAll
    static void createTestTable() {
        cassandra = LocalStackExtension.server(ServiceKind.CASSANDRA, CassandraServer.class);
        session = cassandra.session(Duration.ofSeconds(30));
        session.execute(
                "CREATE TABLE IF NOT EXISTS "
                        + cassandra.keyspace()
                        + "."
                        + TABLE
                        + " (run text, id int, payload text, PRIMARY KEY ((run), id))");
    }

    @AfterAll
    static void closeSession() {
        session.close();
    }

    /** Test element: row id and how many days from now it must be gone by. */
    record Element(String run, int id, int daysToLive) {}

    @Test
    void rowsExpireAtTheirRuleAndRowsPastItAreNotWritten() throws Exception {
        String run = newRun();
        List<Element> elements = List.of(new Element(run, 1, 50), new Element(run, 2, -1));

        runJob(elements, CassandraSinkOptions.RETRY);

        Map<Integer, Integer> ttlById = ttlById(run);
        assertThat(ttlById).containsOnlyKeys(1);
        assertThat((long) ttlById.get(1))
                .isBetween(50 * DAY.toSeconds() - 120, 50 * DAY.toSeconds());
    }

    @Test
    void replayingTheSameInputLeavesTheSameRows() throws Exception {
        String run = newRun();
        List<Element> elements =
                IntStream.range(0, 50).mapToObj(i -> new Element(run, i, 10)).toList();

        runJob(elements, CassandraSinkOptions.RETRY);
        Map<Integer, String> first = payloadById(run);
        runJob(elements, CassandraSinkOptions.RETRY);

        assertThat(payloadById(run)).hasSize(50).isEqualTo(first);
    }

    @Test
    void missingTableFailsTheJobWithWhatToFix() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(1, 2, 3)
                .sinkTo(
                        CassandraSink.<Integer>builder()
                                .setConnection(connection())
                                .setRowMapper(
                                        id ->
                                                List.of(
                                                        CassandraMutation.of(
                                                                "INSERT INTO no_such_table (id)"
                                                                        + " VALUES (?)",
                                                                id)))
                                .build());

        Throwable failure = catchThrowable(() -> env.execute("missing-table"));

        assertThat(failure)
                .hasStackTraceContaining("CassandraSinkException")
                .hasStackTraceContaining("apply the CQL schema files");
    }

    @Test
    void outageOfTwentySecondsLosesNothing() throws Exception {
        String run = newRun();
        int count = 200;
        List<Element> elements =
                IntStream.range(0, count).mapToObj(i -> new Element(run, i, 10)).toList();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(elements)
                // Spread over ~10 s so the node goes down while elements still arrive.
                .map(
                        element -> {
                            Thread.sleep(50);
                            return element;
                        })
                .returns(Element.class)
                .sinkTo(sink(CassandraSinkOptions.RETRY));
        JobClient job = env.executeAsync("outage");

        awaitRows(run, 20);
        cassandra.stop(StackListener.NONE);
        Thread.sleep(20_000);
        // Unhindered, the job would have finished within ~10 s: it is waiting for the node.
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        cassandra.start(StackListener.NONE);
        cassandra.awaitReady(StackListener.NONE);
        JobExecutionResult result = job.getJobExecutionResult().get();
        // The class's session may not have reconnected yet; later tests get a fresh one.
        session.close();
        session = cassandra.session(Duration.ofSeconds(30));

        assertThat(result.getJobID()).isNotNull();
        assertThat(
                        session.execute(
                                        "SELECT count(*) FROM "
                                                + cassandra.keyspace()
                                                + "."
                                                + TABLE
                                                + " WHERE run = ?",
                                        run)
                                .one()
                                .getLong(0))
                .isEqualTo(count);
    }

    private static void runJob(List<Element> elements, CassandraRetry retry) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(elements).sinkTo(sink(retry));
        env.execute("cassandra-sink-test");
    }

    private static CassandraSink<Element> sink(CassandraRetry retry) {
        return CassandraSink.<Element>builder()
                .setConnection(connection())
                .setRetry(retry)
                .setRowMapper(
                        element ->
                                List.of(
                                        CassandraMutation.expiringAt(
                                                System.currentTimeMillis()
                                                        + element.daysToLive() * DAY.toMillis(),
                                                INSERT,
                                                element.run(),
                                                element.id(),
                                                "payload-" + element.id())))
                .build();
    }

    private static CassandraConnectionConfig connection() {
        return CassandraConnectionConfig.of(cassandra.endpoint(), cassandra.keyspace());
    }

    private static String newRun() {
        return UUID.randomUUID().toString();
    }

    private static List<Row> rows(String run) {
        return session.execute(
                        "SELECT id, payload, TTL(payload) AS ttl FROM "
                                + cassandra.keyspace()
                                + "."
                                + TABLE
                                + " WHERE run = ?",
                        run)
                .all();
    }

    private static Map<Integer, Integer> ttlById(String run) {
        return rows(run).stream()
                .collect(Collectors.toMap(row -> row.getInt("id"), row -> row.getInt("ttl")));
    }

    private static Map<Integer, String> payloadById(String run) {
        return rows(run).stream()
                .collect(
                        Collectors.toMap(row -> row.getInt("id"), row -> row.getString("payload")));
    }

    private static void awaitRows(String run, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (rows(run).size() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job wrote fewer than " + atLeast + " rows in 60 s");
            }
            Thread.sleep(200);
        }
    }
}
