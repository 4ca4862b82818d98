package io.platewatch.demo;

import io.platewatch.simulator.CameraNetworkSimulator;
import io.platewatch.simulator.GatewayHttpTarget;
import io.platewatch.simulator.KafkaTarget;
import io.platewatch.simulator.SimulatedCameras;
import io.platewatch.simulator.SimulationRunner;
import io.platewatch.simulator.SimulationSettings;
import io.platewatch.simulator.TargetReport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated camera network, sending reads through the gateway over HTTP as cameras do, and its
 * incidents straight to Kafka (sites report incidents through their own systems, not cameras). It
 * runs on its own thread at the target rate until stopped or until the simulated period is over.
 *
 * <p>Simulated time lies in the past (the period before now, as the simulator's command does) and
 * passes faster than the clock: at 200 reads/s a simulated day takes about two minutes. The period
 * is chosen to last the whole demo, at most 28 days, which the gateway's 30-day limit on read age
 * still accepts.
 */
final class TrafficFeed {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficFeed.class);

    static final Duration LONGEST_PERIOD = Duration.ofDays(28);
    private static final int HTTP_RETRIES = 3;

    private final Thread thread;
    private final GatewayHttpTarget target;
    private final AtomicReference<TargetReport> report = new AtomicReference<>();
    private volatile boolean periodOver;

    private TrafficFeed(CameraNetworkSimulator simulator, GatewayHttpTarget target, double rate) {
        this.target = target;
        this.thread =
                new Thread(
                        () -> {
                            try {
                                SimulationRunner.RunReport run =
                                        SimulationRunner.run(simulator, target, rate, 0, null);
                                report.set(run.target());
                                periodOver = true;
                            } catch (InterruptedException e) {
                                // Stopped: stop() collects what was in flight.
                            } catch (RuntimeException e) {
                                LOG.warn("Simulated traffic stopped: {}", e.toString());
                            }
                        },
                        "demo-traffic");
        thread.setDaemon(true);
    }

    /** The simulator for a run of the given settings, starting its period before now. */
    static CameraNetworkSimulator simulator(DemoSettings settings, Duration period) {
        Instant start = Instant.now().minus(period).truncatedTo(ChronoUnit.HOURS);
        return new CameraNetworkSimulator(
                SimulationSettings.builder(settings.seed(), start)
                        .period(period)
                        .offenders(settings.offenders())
                        .build());
    }

    /**
     * The simulated period that lasts the run: enough days for the duration at the rate (one more
     * for margin), or the longest period when the run has no end.
     */
    static Duration period(DemoSettings settings, int cameras, double readsPerCameraPerHour) {
        if (settings.duration() == null) {
            return LONGEST_PERIOD;
        }
        double readsPerDay = cameras * readsPerCameraPerHour * 24;
        double reads = settings.readsPerSecond() * settings.duration().toSeconds();
        long days = (long) Math.ceil(reads / readsPerDay) + 1;
        return Duration.ofDays(Math.min(days, LONGEST_PERIOD.toDays()));
    }

    /** Starts sending. */
    static TrafficFeed start(
            DemoSettings settings,
            CameraNetworkSimulator simulator,
            URI gateway,
            String bootstrapServers,
            String registryUrl) {
        GatewayHttpTarget target =
                new GatewayHttpTarget(
                        gateway,
                        SimulatedCameras.tokensById(settings.seed(), simulator.cameras()),
                        settings.cameraFormat(),
                        KafkaTarget.connect(bootstrapServers, registryUrl),
                        settings.inFlight(),
                        HTTP_RETRIES);
        TrafficFeed feed = new TrafficFeed(simulator, target, settings.readsPerSecond());
        feed.thread.start();
        return feed;
    }

    /** True once the simulated period has been sent in full. */
    boolean periodOver() {
        return periodOver;
    }

    /**
     * Stops sending, waits for the requests in flight and closes the incident producer.
     *
     * @return what the cameras sent and what the gateway answered, when it could be collected
     */
    Optional<TargetReport> stop() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (report.get() == null && !thread.isAlive()) {
            report.set(target.finish());
        }
        target.close();
        return Optional.ofNullable(report.get());
    }
}
