package io.platewatch.serde;

import static io.platewatch.serde.DecodingContexts.context;
import static io.platewatch.serde.DecodingContexts.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.PlateRead;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The source deserializer when the registry is down: a registry on a port nobody listens on is a
 * real outage, not a simulated one. Bad records against the live registry are covered by {@link
 * DecodingDeserializationSchemaIntegrationTest}.
 */
class DecodingDeserializationSchemaTest {

    private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
    private static final byte[] KEY = "cam-akl-017".getBytes(StandardCharsets.UTF_8);

    private RegistrySettings downRegistry;
    private byte[] value;

    @BeforeEach
    void setUp() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        downRegistry =
                RegistrySettings.builder("http://127.0.0.1:" + closedPort)
                        .retry(
                                new RegistrySettings.Retry(
                                        2, Duration.ofMillis(10), Duration.ofMillis(20)))
                        .build();
        value = AvroBytes.framed(12, AvroBytes.body(SampleRecords.plateRead()));
    }

    @Test
    void registryOutageFailsTheTaskByDefault() {
        DecodingDeserializationSchema<PlateRead> schema =
                new DecodingDeserializationSchema<>(downRegistry, PlateRead.class, "test/decode");
        schema.open(context());

        assertThatThrownBy(() -> decode(schema, record(value)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("schema registry unavailable at reads/2@77")
                .hasMessageContaining("schema id 12");
    }

    @Test
    void registryOutageBecomesADeadLetterWhenAskedTo() throws Exception {
        DecodingDeserializationSchema<PlateRead> schema =
                new DecodingDeserializationSchema<>(downRegistry, PlateRead.class, "test/decode")
                        .onRegistryOutage(RegistryOutagePolicy.DEAD_LETTER)
                        .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        schema.open(context());

        List<Decoded<PlateRead>> out = decode(schema, record(value));

        assertThat(out).hasSize(1);
        DeadLetter dead = out.get(0).deadLetter();
        assertThat(dead.getErrorKind()).isEqualTo(ErrorKind.REGISTRY_UNAVAILABLE);
        assertThat(dead.getReason()).contains("schema id 12").contains("ConnectException");
        assertThat(dead.getSourceTopic()).isEqualTo("reads");
        assertThat(dead.getSourcePartition()).isEqualTo(2);
        assertThat(dead.getSourceOffset()).isEqualTo(77L);
        assertThat(dead.getKey()).isEqualTo(ByteBuffer.wrap(KEY));
        assertThat(dead.getPayload()).isEqualTo(ByteBuffer.wrap(value));
        assertThat(dead.getStage()).isEqualTo("test/decode");
        assertThat(dead.getFailedAt()).isEqualTo(NOW);
    }

    @Test
    void notWireFormatNeedsNoRegistry() throws Exception {
        DecodingDeserializationSchema<PlateRead> schema =
                new DecodingDeserializationSchema<>(downRegistry, PlateRead.class, "test/decode");
        schema.open(context());

        List<Decoded<PlateRead>> out =
                decode(schema, record("{\"plate\":\"ABC123\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(out.get(0).deadLetter().getErrorKind()).isEqualTo(ErrorKind.NOT_WIRE_FORMAT);
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("reads", 2, 77L, KEY, value);
    }
}
