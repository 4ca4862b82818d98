package io.platewatch.infra.elasticsearch;

import io.platewatch.infra.process.Ports;
import io.platewatch.infra.stack.JvmServer;
import io.platewatch.infra.stack.ServerStartException;
import io.platewatch.infra.stack.StackConfig;
import io.platewatch.infra.stack.StackListener;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Elasticsearch 9.5 node for the hot-spot indices, run as a child JVM on loopback. There is
 * no distribution: the server's jars go on the module path of a JDK 21 or later, the
 * transport-netty4 plugin under {@code modules/}, and a small main starts the node (see {@link
 * ElasticsearchHome}). Plain HTTP without security. It answers when {@code _cluster/health} reports
 * green or yellow; provisioning installs the hot-spot index template.
 *
 * <p>Optional in the stack: start it with {@code --services kafka,registry,elasticsearch}. Settings
 * (stack properties): {@code elasticsearch.port} (9200), {@code elasticsearch.transport.port}
 * (9300), {@code elasticsearch.heap} (768m), {@code elasticsearch.java.home} (a JDK 21+, default
 * {@value #DEFAULT_JAVA_HOME}) and {@code elasticsearch.zstd.library} (the system's libzstd.so.1).
 */
public final class ElasticsearchServer extends JvmServer {

    public static final String NAME = "elasticsearch";

    /** The JDK 21+ used when {@code elasticsearch.java.home} is not set. */
    public static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";

    private static final int DEFAULT_HTTP_PORT = 9200;
    private static final int DEFAULT_TRANSPORT_PORT = 9300;
    private static final String DEFAULT_HEAP = "768m";
    private static final String DEFAULT_ZSTD = "/usr/lib/x86_64-linux-gnu/libzstd.so.1";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final ElasticsearchHome home;
    private ElasticsearchHttp http;

    public ElasticsearchServer(StackConfig config) {
        super(
                NAME,
                config,
                Map.of(
                        "http", config.port("elasticsearch.port", DEFAULT_HTTP_PORT),
                        "transport",
                                config.port(
                                        "elasticsearch.transport.port", DEFAULT_TRANSPORT_PORT)));
        this.home = new ElasticsearchHome(dir());
    }

    /** {@code http://127.0.0.1:<port>}, the address clients use. */
    public String baseUrl() {
        return "http://" + Ports.HOST + ":" + port("http");
    }

    @Override
    public String endpoint() {
        return baseUrl();
    }

    /** The JDK the node runs on; it must be 21 or later. */
    public Path javaHome() {
        return Path.of(config().get(NAME + ".java.home", DEFAULT_JAVA_HOME));
    }

    @Override
    protected void prepare() throws IOException {
        Path java = javaHome().resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new ServerStartException(
                    "elasticsearch needs a JDK 21 or later and "
                            + java
                            + " is not there: set the stack property elasticsearch.java.home"
                            + " (or -Dplatewatch.stack.elasticsearch.java.home)");
        }
        home.prepare(
                home.settings(Ports.HOST, port("http"), port("transport")),
                Path.of(config().get(NAME + ".zstd.library", DEFAULT_ZSTD)));
    }

    @Override
    protected List<String> command() {
        String heap = config().heap(NAME, DEFAULT_HEAP);
        List<String> command = new ArrayList<>();
        command.add(javaHome().resolve("bin").resolve("java").toString());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.add("-Djava.io.tmpdir=" + home.tmp());
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dlog4j2.disable.jmx=true");
        command.add("-Des.nativelibs.path=" + home.nativeLibraries());
        // The SIMD vector library is not shipped in the Maven artifacts.
        command.add("-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false");
        command.addAll(extraJvmArgs());
        command.add("--module-path");
        command.add(
                ElasticsearchNodeFiles.serverJars().stream()
                        .map(Path::toString)
                        .collect(Collectors.joining(":")));
        command.add("--add-modules=ALL-MODULE-PATH");
        command.add("-cp");
        command.add(home.mainClasses().toString());
        command.add(ElasticsearchNodeFiles.MAIN_CLASS);
        command.add(home.settingsFile().toString());
        return command;
    }

    @Override
    protected boolean answers() {
        try {
            HttpResponse<String> health = http().get("/_cluster/health?timeout=1s", PROBE_TIMEOUT);
            return health.statusCode() == 200
                    && (health.body().contains("\"status\":\"green\"")
                            || health.body().contains("\"status\":\"yellow\""));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Installs (or replaces) the hot-spot index template; idempotent. */
    @Override
    public void provision(StackListener listener) {
        HotspotIndexTemplate.install(http());
        listener.provisioned(NAME, "index template " + HotspotIndexTemplate.NAME);
    }

    /** A small HTTP client for provisioning and readiness, created on first use. */
    public synchronized ElasticsearchHttp http() {
        if (http == null) {
            http =
                    new ElasticsearchHttp(
                            baseUrl(),
                            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        }
        return http;
    }
}
