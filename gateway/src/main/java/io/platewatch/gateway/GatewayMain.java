package io.platewatch.gateway;

import io.platewatch.schemas.PlateRead;
import io.platewatch.serde.SerdeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the camera gateway until the process is stopped. */
@Command(
        name = "platewatch-gateway",
        mixinStandardHelpOptions = true,
        description = "Accepts camera reads over HTTP and stores them in Kafka.")
public final class GatewayMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

    @Option(names = "--config", required = true, description = "Gateway JSON configuration file.")
    Path config;

    @Option(
            names = "--bootstrap-servers",
            required = true,
            description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--registry-url", required = true, description = "Schema registry base URL.")
    String registryUrl;

    @Option(names = "--port", description = "Port to listen on, overriding the configuration.")
    Integer port;

    @Option(
            names = "--auto-register-schemas",
            defaultValue = "true",
            description = "Register the read schema on first use (default ${DEFAULT-VALUE}).")
    boolean autoRegister;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        GatewayConfig settings = GatewayConfig.load(config);
        if (port != null) {
            settings = settings.withPort(port);
        }
        Clock clock = Clock.systemUTC();
        KafkaReadSink sink = new KafkaReadSink(producer());
        GatewayServer server =
                new GatewayServer(
                                settings,
                                CameraDirectory.of(settings.cameras()),
                                new IngestService(
                                        new ReadRules(
                                                clock,
                                                settings.maxFutureSkew(),
                                                settings.maxPastAge()),
                                        sink,
                                        clock),
                                new CameraRateLimiter(
                                        settings.ratePerCameraPerSecond(),
                                        settings.burstPerCamera()),
                                new GatewayMetrics())
                        .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    // Stop taking requests first, then flush what was accepted.
                                    server.close();
                                    sink.close();
                                    stopped.countDown();
                                },
                                "gateway-shutdown"));
        LOG.info("Gateway ready on port {}", server.port());
        stopped.await();
        return 0;
    }

    private KafkaProducer<String, PlateRead> producer() {
        Map<String, Object> config = KafkaReadSink.producerConfig(bootstrapServers);
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.put(SerdeConfig.AUTO_REGISTER, Boolean.toString(autoRegister));
        return new KafkaProducer<>(
                config, new StringSerializer(), KafkaReadSink.readSerializer(config));
    }
}
