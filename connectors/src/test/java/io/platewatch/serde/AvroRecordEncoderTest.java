package io.platewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platewatch.schemas.PlateRead;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroRecordEncoderTest {

    private final InMemorySchemas schemas =
            new InMemorySchemas().with(3, PlateRead.getClassSchema());
    private final AvroRecordEncoder<PlateRead> encoder =
            new AvroRecordEncoder<>(schemas, "reads-value", PlateRead.class);
    private final AvroRecordDecoder<PlateRead> decoder =
            new AvroRecordDecoder<>(schemas, PlateRead.class);

    @Test
    void recordBreakingItsSchemaFailsNamingTheFieldNotTheValues() {
        PlateRead broken = SampleRecords.plateRead();
        broken.setCameraId(null);

        assertThatThrownBy(() -> encoder.encode(broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("PlateRead record cannot be encoded with its schema")
                .hasMessageContaining("cameraId")
                .hasMessageNotContaining("ABC123");
    }

    @Test
    void failedRecordLeavesNothingBehindForTheNextOne() {
        PlateRead broken = SampleRecords.plateRead();
        broken.setOrganisationId(null);
        assertThatThrownBy(() -> encoder.encode(broken)).isInstanceOf(SerializationException.class);

        byte[] next = encoder.encode(SampleRecords.plateRead());

        assertThat(decoder.decode(next)).isEqualTo(SampleRecords.plateRead());
    }

    @Test
    void encodingIsStableAcrossCalls() {
        assertThat(encoder.encode(SampleRecords.plateRead()))
                .isEqualTo(encoder.encode(SampleRecords.plateRead()));
    }
}
