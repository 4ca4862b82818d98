package io.platewatch.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraMutationTest {

    private static final String INSERT = "INSERT INTO t (k, v) VALUES (?, ?) USING TTL ?";

    @Test
    void ttlIsTheWholeSecondsLeftUntilExpiryRoundedDown() {
        CassandraMutation mutation = CassandraMutation.expiringAt(100_999, INSERT, "k", "v");

        assertThat(mutation.ttlSecondsAt(0)).isEqualTo(100);
        assertThat(mutation.ttlSecondsAt(100_000)).isZero();
        assertThat(mutation.ttlSecondsAt(200_000)).isNegative();
    }

    @Test
    void expiringMutationWithoutTtlMarkerIsRefused() {
        assertThatThrownBy(
                        () -> CassandraMutation.expiringAt(1, "INSERT INTO t (k) VALUES (?)", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USING TTL ?");
    }

    @Test
    void nullValuesAreKeptSoTheyClearTheirColumn() {
        CassandraMutation mutation =
                CassandraMutation.of("INSERT INTO t (k, v) VALUES (?, ?)", "k", null);

        assertThat(mutation.values()).containsExactly("k", null);
        assertThat(mutation.expires()).isFalse();
    }

    @Test
    void bufferedRequestsSurviveTheCheckpointSerializer() throws Exception {
        CassandraWriteRequest request =
                new CassandraWriteRequest(
                        List.of(
                                CassandraMutation.expiringAt(
                                        5_000,
                                        INSERT,
                                        "key",
                                        Instant.ofEpochMilli(42),
                                        LocalDate.of(2026, 1, 2)),
                                CassandraMutation.of("DELETE FROM t WHERE k = ?", "gone")));
        CassandraWriteRequestSerializer serializer = new CassandraWriteRequestSerializer();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            serializer.serializeRequestToStream(request, out);
        }

        CassandraWriteRequest restored;
        try (DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = serializer.deserializeRequestFromStream(bytes.size(), in);
        }

        assertThat(restored).isEqualTo(request);
    }
}
