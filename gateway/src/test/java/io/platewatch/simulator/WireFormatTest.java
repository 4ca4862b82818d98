package io.platewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.gateway.CameraDirectory;
import io.platewatch.gateway.GatewayConfig;
import io.platewatch.gateway.IngestService;
import io.platewatch.gateway.ReadRules;
import io.platewatch.schemas.PlateRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every wire format the simulator writes is one the gateway reads back to the same read. */
class WireFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SEED = 11;
    private static final Instant START = Instant.parse("2026-03-01T20:00:00Z");

    private final CameraNetworkSimulator simulator =
            new CameraNetworkSimulator(
                    SimulationSettings.builder(SEED, START)
                            .period(Duration.ofHours(2))
                            .misreadRate(0.3)
                            .build());
    private final GatewayConfig config =
            SimulatedCameras.gatewayConfig(SEED, simulator.cameras(), 0, 100);
    private final CameraDirectory cameras = CameraDirectory.of(config.cameras());
    private final Clock clock = Clock.fixed(START.plus(Duration.ofHours(3)), ZoneOffset.UTC);
    private final IngestService ingest =
            new IngestService(
                    new ReadRules(clock, Duration.ofMinutes(5), Duration.ofDays(1)),
                    reads -> {
                        throw new AssertionError("parsing only");
                    },
                    clock);

    private List<SimulatedRead> someReads() {
        List<SimulatedRead> reads = new ArrayList<>();
        while (reads.size() < 300 && simulator.hasNext()) {
            if (simulator.next() instanceof SimulatedRead read) {
                reads.add(read);
            }
        }
        return reads;
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void gatewayReadsBackWhatTheSimulatedCameraSent(WireFormat format) throws Exception {
        for (SimulatedRead read : someReads()) {
            byte[] body = MAPPER.writeValueAsBytes(format.encode(read));
            String token = SimulatedCameras.token(SEED, read.camera().id());

            IngestService.Parsed parsed =
                    ingest.parse(body, cameras.authenticate(token).orElseThrow());

            PlateRead mapped = parsed.reads().get(0);
            assertThat(parsed.format().name()).isEqualTo(format.name());
            assertThat(mapped.getReadId()).isEqualTo(format.gatewayReadId(read));
            assertThat(mapped.getCameraId()).isEqualTo(read.camera().id());
            assertThat(mapped.getSiteId()).isEqualTo(read.camera().siteId());
            assertThat(mapped.getPlate().toUpperCase(Locale.ROOT)).isEqualTo(read.plate());
            assertThat(mapped.getRegion()).isEqualTo(read.vehicle().region());
            assertThat(mapped.getCapturedAt()).isEqualTo(read.capturedAt());
            assertThat(mapped.getConfidence()).isCloseTo(read.confidence(), offset(1e-4f));
            assertThat(mapped.getPosition().getLat()).isEqualTo(read.camera().lat());
            assertThat(mapped.getCandidates()).hasSameSizeAs(read.candidates());
        }
    }

    @Test
    void aTokenAuthenticatesOnlyItsOwnCamera() {
        SimCamera first = simulator.cameras().get(0);
        SimCamera second = simulator.cameras().get(1);

        assertThat(
                        cameras.authenticate(SimulatedCameras.token(SEED, first.id()))
                                .orElseThrow()
                                .id())
                .isEqualTo(first.id());
        assertThat(cameras.authenticate(SimulatedCameras.token(SEED + 1, first.id()))).isEmpty();
        assertThat(SimulatedCameras.token(SEED, first.id()))
                .isNotEqualTo(SimulatedCameras.token(SEED, second.id()));
    }
}
