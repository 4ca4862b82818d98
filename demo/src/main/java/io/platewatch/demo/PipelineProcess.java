package io.platewatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.infra.process.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs on an embedded Flink ({@link DemoPipeline}) in their own JVM, with Flink's web UI and
 * REST API on localhost. Ready once the job runs with every task running; stopped by cancelling the
 * job over REST first, so sources and sinks close in order, then by stopping the JVM.
 */
final class PipelineProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineProcess.class);

    static final String NAME = "pipeline";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAP = "-Xmx1g";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);

    private final ChildJvm jvm;
    private final URI rest;

    private PipelineProcess(ChildJvm jvm, URI rest) {
        this.jvm = jvm;
        this.rest = rest;
    }

    /** Launches the pipeline JVM with the jobs that the running servers allow. */
    static PipelineProcess launch(DemoSettings settings, Endpoints endpoints) throws IOException {
        int port = settings.flinkUiPort();
        if (!Ports.isFree(port)) {
            throw new DemoStartException(
                    "the Flink web UI port "
                            + port
                            + " is in use by another process; choose another with"
                            + " --flink-ui-port");
        }
        List<String> args = new ArrayList<>();
        args.addAll(List.of("--bootstrap-servers", endpoints.bootstrapServers()));
        args.addAll(List.of("--registry-url", endpoints.registryUrl()));
        args.addAll(List.of("--flink-ui-port", Integer.toString(port)));
        args.addAll(List.of("--parallelism", Integer.toString(settings.parallelism())));
        args.addAll(
                List.of(
                        "--checkpoint-dir",
                        settings.demoDir().resolve("checkpoints").toUri().toString()));
        endpoints
                .cassandraContactPoint()
                .ifPresent(
                        contact -> {
                            args.addAll(List.of("--cassandra", contact));
                            args.addAll(
                                    List.of("--cassandra-keyspace", endpoints.cassandraKeyspace()));
                        });
        endpoints.elasticsearchUrl().ifPresent(url -> args.addAll(List.of("--elasticsearch", url)));
        ChildJvm jvm =
                ChildJvm.launch(
                        settings,
                        NAME,
                        // The web UI shows the JobManager log from the file named by log.file.
                        List.of(HEAP, "-Dlog.file=" + ChildJvm.logFile(settings, NAME)),
                        DemoPipeline.class.getName(),
                        args);
        return new PipelineProcess(jvm, URI.create("http://" + Ports.HOST + ":" + port));
    }

    /** Blocks until the job runs and every one of its tasks is running. */
    void awaitRunning(DemoListener listener) {
        HttpReadiness.await(
                jvm,
                rest.resolve("/jobs/overview"),
                PipelineProcess::allRunning,
                READY_TIMEOUT,
                listener);
    }

    URI webUi() {
        return rest;
    }

    ChildJvm jvm() {
        return jvm;
    }

    /** Cancels the job (bounded wait), then stops the JVM; true when nothing of it is left. */
    boolean stop(Duration grace) {
        if (jvm.isAlive()) {
            cancelJob();
        }
        return jvm.stop(grace);
    }

    private void cancelJob() {
        HttpClient client = HttpClient.newHttpClient();
        try {
            Optional<String> jobId = runningJobId(client);
            if (jobId.isEmpty()) {
                return;
            }
            client.send(
                    HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId.get() + "?mode=cancel"))
                            .method("PATCH", HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.warn("Could not cancel the job over REST, stopping its JVM: {}", e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        awaitCancelled(client);
    }

    /** Waits until the job has left the running states or its JVM has ended (it exits then). */
    private void awaitCancelled(HttpClient client) {
        long deadline = System.nanoTime() + CANCEL_TIMEOUT.toNanos();
        try {
            while (jvm.isAlive()
                    && runningJobId(client).isPresent()
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
        } catch (IOException e) {
            // The REST endpoint went away with the JVM: the cancelled job ended its main.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The id of a job that is not yet in a terminal state, if any. */
    private Optional<String> runningJobId(HttpClient client)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(
                        HttpRequest.newBuilder(rest.resolve("/jobs/overview"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        for (JsonNode job : JSON.readTree(response.body()).path("jobs")) {
            String state = job.path("state").asText();
            if (!List.of("CANCELED", "FAILED", "FINISHED").contains(state)) {
                return Optional.of(job.path("jid").asText());
            }
        }
        return Optional.empty();
    }

    /** True when the overview lists a RUNNING job all of whose tasks are running. */
    static boolean allRunning(String overview) {
        try {
            for (JsonNode job : JSON.readTree(overview).path("jobs")) {
                JsonNode tasks = job.path("tasks");
                if (job.path("state").asText().equals("RUNNING")
                        && tasks.path("total").asInt() > 0
                        && tasks.path("running").asInt() == tasks.path("total").asInt()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
