package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.candidates;
import static io.platewatch.alerting.TestData.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.PlateRead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadPreparationTest {

    private OneInputStreamOperatorTestHarness<PlateRead, PreparedRead> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new ReadPreparation(TestData.config(), Clock.fixed(T0, ZoneOffset.UTC)));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<DeadLetter> deadLetters() {
        List<DeadLetter> out = new ArrayList<>();
        TestData.sideOutput(harness, AlertingDeadLetters.TAG).forEach(r -> out.add(r.getValue()));
        return out;
    }

    @Test
    void invalidPlateGoesToDeadLettersWithReasonButWithoutThePlate() throws Exception {
        PlateRead bad = read("r-1", "ÄBC-12/3", T0).build();
        harness.processElement(new StreamRecord<>(bad, 0));

        assertThat(harness.extractOutputValues()).isEmpty();
        List<DeadLetter> letters = deadLetters();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.getErrorKind()).isEqualTo(ErrorKind.INVALID_PLATE);
        assertThat(letter.getReason()).isNotBlank().doesNotContain("BC").doesNotContain("12");
        assertThat(letter.getSourceTopic()).isEqualTo(TestData.config().readsTopic());
        assertThat(letter.getSourcePartition()).isEqualTo(-1);
        assertThat(letter.getStage()).isEqualTo(ReadPreparation.STAGE);
        assertThat(letter.getFailedAt()).isEqualTo(T0);
        // Nothing is lost: the payload decodes back to the rejected read.
        ByteBuffer payload = letter.getPayload();
        assertThat(PlateRead.fromByteBuffer(payload)).isEqualTo(bad);
    }

    @Test
    void tooLongPlateIsRejected() throws Exception {
        harness.processElement(new StreamRecord<>(read("r-1", "ABCDEFGHJKL", T0).build(), 0));
        assertThat(deadLetters()).extracting(DeadLetter::getReason).allMatch(r -> r.contains("11"));
    }

    @Test
    void validReadIsNormalisedAndKeepsItsValidDistinctCandidates() throws Exception {
        PlateRead read =
                read("r-1", "abc-123", T0)
                        .setRegion(" nz")
                        .setCandidates(candidates("ABC 123", "A8C123", "??", "a8c-123", "XYZ9"))
                        .build();
        harness.processElement(new StreamRecord<>(read, 0));

        PreparedRead prepared = harness.extractOutputValues().get(0);
        assertThat(prepared.plate).isEqualTo("ABC123");
        assertThat(prepared.candidates).containsExactly("A8C123", "XYZ9");
        assertThat(prepared.read.region).isEqualTo("NZ");
        assertThat(prepared.read.plate).isEqualTo("abc-123");
        assertThat(prepared.read.capturedAt).isEqualTo(T0.toEpochMilli());
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void deadLetterReasonNeverQuotesAnyPlateText() throws Exception {
        String plate = "SECRET99PLATE";
        harness.processElement(new StreamRecord<>(read("r-1", plate, T0).build(), 0));
        DeadLetter letter = deadLetters().get(0);
        assertThat(letter.getReason()).doesNotContain(plate).doesNotContain("SECRET");
        assertThat(new String(letter.getReason().getBytes(StandardCharsets.UTF_8)))
                .doesNotContainIgnoringCase("secret");
    }
}
