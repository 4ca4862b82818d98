package io.platewatch.alerting;

import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * First step for reads: normalises the main plate and the alternative readings. A read whose main
 * plate cannot be a plate goes to dead letters (INVALID_PLATE, reason without the text); an
 * alternative that cannot be a plate is only left out, since the read itself is fine.
 */
public class ReadPreparation extends ProcessFunction<PlateRead, PreparedRead> {

    static final String STAGE = "alerting/read-preparation";

    private final PlateNormaliser normaliser;
    private final String sourceTopic;
    private final Clock clock;

    private transient Counter readsIn;
    private transient Counter deadLetters;
    private transient Counter candidatesDropped;

    public ReadPreparation(AlertingConfig config, Clock clock) {
        this.normaliser =
                new PlateNormaliser(config.maxPlateLength(), config.minWildcardKnownCharacters());
        this.sourceTopic = config.readsTopic();
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        var metrics = getRuntimeContext().getMetricGroup();
        readsIn = metrics.counter(AlertingMetrics.READS_IN);
        deadLetters = metrics.counter(AlertingMetrics.DEAD_LETTERS);
        candidatesDropped = metrics.counter(AlertingMetrics.CANDIDATES_DROPPED);
    }

    @Override
    public void processElement(PlateRead read, Context ctx, Collector<PreparedRead> out) {
        readsIn.inc();
        PlateNormaliser.Result main = normaliser.normalise(read.getPlate());
        if (!main.isValid()) {
            deadLetters.inc();
            ctx.output(
                    AlertingDeadLetters.TAG,
                    AlertingDeadLetters.rejected(
                            sourceTopic,
                            read,
                            ErrorKind.INVALID_PLATE,
                            main.rejection(),
                            STAGE,
                            clock.millis()));
            return;
        }
        String region = PlateNormaliser.normaliseRegion(read.getRegion());
        out.collect(
                new PreparedRead(
                        CompactRead.of(read, region),
                        main.plate(),
                        validCandidates(read, main.plate())));
    }

    /** Normalised, valid, distinct alternatives in OCR order, without the main plate. */
    private String[] validCandidates(PlateRead read, String mainPlate) {
        Set<String> kept = new LinkedHashSet<>();
        for (PlateCandidate candidate : read.getCandidates()) {
            PlateNormaliser.Result result = normaliser.normalise(candidate.getPlate());
            if (!result.isValid()) {
                candidatesDropped.inc();
            } else if (!result.plate().equals(mainPlate)) {
                kept.add(result.plate());
            }
        }
        return kept.toArray(new String[0]);
    }
}
