package io.platewatch.alerting;

import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.util.OutputTag;

/**
 * Dead letters raised inside the alerting job, after decoding. The original Kafka bytes are no
 * longer at hand there, so the payload is the decoded record in Avro single-object encoding (a
 * two-byte marker, the schema fingerprint, then the binary body): decodable with the record's
 * schema, and partition and offset are -1.
 */
public final class AlertingDeadLetters {

    /** Side output every alerting step uses for its rejects. */
    public static final OutputTag<DeadLetter> TAG =
            new OutputTag<>(
                    "alerting-dead-letters", SpecificRecordTypeInfo.forClass(DeadLetter.class));

    private AlertingDeadLetters() {}

    /** A record rejected by a rule of the job; the reason must not quote personal data. */
    public static DeadLetter rejected(
            String sourceTopic,
            SpecificRecordBase record,
            ErrorKind kind,
            String reason,
            String stage,
            long failedAt) {
        return DeadLetter.newBuilder()
                .setSourceTopic(sourceTopic)
                .setSourcePartition(-1)
                .setSourceOffset(-1)
                .setKey(null)
                .setPayload(singleObject(record))
                .setErrorKind(kind)
                .setReason(reason)
                .setStage(stage)
                .setFailedAt(Instant.ofEpochMilli(failedAt))
                .build();
    }

    private static ByteBuffer singleObject(SpecificRecordBase record) {
        try {
            return new BinaryMessageEncoder<SpecificRecordBase>(
                            record.getSpecificData(), record.getSchema())
                    .encode(record);
        } catch (IOException | RuntimeException e) {
            // The reason still says what was wrong; only the copy of the record is missing.
            return null;
        }
    }
}
