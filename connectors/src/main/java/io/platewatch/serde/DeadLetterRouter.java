package io.platewatch.serde;

import io.platewatch.schemas.DeadLetter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits decoded Kafka records: records go on the main output, dead letters on the {@link
 * #DEAD_LETTERS} side output. A job wires it in two lines:
 *
 * <pre>{@code
 * SingleOutputStreamOperator<PlateRead> reads = DeadLetterRouter.route(decoded, PlateRead.class);
 * DataStream<DeadLetter> deadLetters = reads.getSideOutput(DeadLetterRouter.DEAD_LETTERS);
 * }</pre>
 */
public final class DeadLetterRouter<T extends SpecificRecord>
        extends ProcessFunction<Decoded<T>, T> {

    private static final long serialVersionUID = 1L;

    /** Side output of the records that could not be decoded. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", SpecificRecordTypeInfo.forClass(DeadLetter.class));

    /** Routes {@code decoded}; the returned stream holds the records of {@code type}. */
    public static <T extends SpecificRecord> SingleOutputStreamOperator<T> route(
            DataStream<Decoded<T>> decoded, Class<T> type) {
        return decoded.process(new DeadLetterRouter<T>(), SpecificRecordTypeInfo.forClass(type))
                .name("Split dead letters");
    }

    @Override
    public void processElement(Decoded<T> value, Context context, Collector<T> out) {
        if (value.isRecord()) {
            out.collect(value.record());
        } else {
            context.output(DEAD_LETTERS, value.deadLetter());
        }
    }
}
