package io.platewatch.serde;

import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builds dead letters that keep a rejected Kafka record whole, with where it came from. */
public final class DeadLetters {

    private DeadLetters() {}

    /**
     * The dead letter of a Kafka record rejected at {@code stage}.
     *
     * @param record the record as consumed; its key and value are kept unchanged
     * @param kind class of failure
     * @param reason why, free of record content
     * @param stage job and step that rejected it
     * @param failedAt when
     */
    public static DeadLetter of(
            ConsumerRecord<byte[], byte[]> record,
            ErrorKind kind,
            String reason,
            String stage,
            Instant failedAt) {
        return DeadLetter.newBuilder()
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setKey(wrap(record.key()))
                .setPayload(wrap(record.value()))
                .setErrorKind(kind)
                .setReason(reason)
                .setStage(stage)
                .setFailedAt(failedAt)
                .build();
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }
}
