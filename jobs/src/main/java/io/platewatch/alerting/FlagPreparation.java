package io.platewatch.alerting;

import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.VehicleFlag;
import java.time.Clock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * First step for flags: validates and normalises the plate (or wildcard pattern) of ADD and UPDATE
 * events into a compact flag. An invalid plate goes to dead letters. REMOVE needs no valid plate:
 * the router already knows where the flag lives from its id.
 */
public class FlagPreparation extends ProcessFunction<VehicleFlag, FlagChange> {

    static final String STAGE = "alerting/flag-preparation";

    private final PlateNormaliser normaliser;
    private final LookAlikeFolding folding;
    private final String sourceTopic;
    private final Clock clock;

    private transient Counter deadLetters;

    public FlagPreparation(AlertingConfig config, Clock clock) {
        this.normaliser =
                new PlateNormaliser(config.maxPlateLength(), config.minWildcardKnownCharacters());
        this.folding = config.folding();
        this.sourceTopic = config.flagsTopic();
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter(AlertingMetrics.DEAD_LETTERS);
    }

    @Override
    public void processElement(VehicleFlag flag, Context ctx, Collector<FlagChange> out) {
        if (flag.getAction() == FlagAction.REMOVE) {
            out.collect(
                    FlagChange.remove(flag.getFlagId(), null, flag.getUpdatedAt().toEpochMilli()));
            return;
        }
        boolean wildcard = PlateNormaliser.isPattern(flag.getPlate());
        PlateNormaliser.Result plate =
                wildcard
                        ? normaliser.normalisePattern(flag.getPlate())
                        : normaliser.normalise(flag.getPlate());
        if (!plate.isValid()) {
            deadLetters.inc();
            ctx.output(
                    AlertingDeadLetters.TAG,
                    AlertingDeadLetters.rejected(
                            sourceTopic,
                            flag,
                            ErrorKind.INVALID_PLATE,
                            "flag rejected: " + plate.rejection(),
                            STAGE,
                            clock.millis()));
            return;
        }
        out.collect(FlagChange.upsert(compact(flag, plate.plate(), wildcard)));
    }

    private CompactFlag compact(VehicleFlag flag, String plate, boolean wildcard) {
        CompactFlag f = new CompactFlag();
        f.flagId = flag.getFlagId();
        f.plate = plate;
        f.matchKey = folding.matchKey(plate);
        f.wildcard = wildcard;
        f.region = PlateNormaliser.normaliseRegion(flag.getRegion());
        f.category = flag.getCategory();
        f.ownerOrganisationId = flag.getOwnerOrganisationId();
        f.incidentId = flag.getIncidentId();
        f.priority = flag.getPriority();
        f.validFrom = flag.getValidFrom().toEpochMilli();
        f.expiresAt =
                flag.getExpiresAt() == null
                        ? CompactFlag.NO_EXPIRY
                        : flag.getExpiresAt().toEpochMilli();
        f.sharingLevel = flag.getSharing().getLevel();
        f.sharingGroups = flag.getSharing().getGroups().toArray(new String[0]);
        f.covert = flag.getCovert();
        f.updatedAt = flag.getUpdatedAt().toEpochMilli();
        return f;
    }
}
