package io.platewatch.retention;

import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.VehicleFlag;
import java.util.ArrayList;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by flag id: remembers the match key each flag was last filed under, so an update that
 * changes the plate also removes the row under the old key. A flag whose plate is not a plate (nor
 * a valid pattern) gets no row; its previous row, if any, is removed.
 */
public final class FlagKeyTracker extends KeyedProcessFunction<String, VehicleFlag, FlagRow> {

    private static final long serialVersionUID = 1L;

    private final ReadMatchKeys matchKeys;
    private transient ValueState<String> lastKey;

    public FlagKeyTracker(RetentionConfig config) {
        this.matchKeys = new ReadMatchKeys(config.normaliser(), config.folding());
    }

    @Override
    public void open(OpenContext openContext) {
        lastKey =
                getRuntimeContext().getState(new ValueStateDescriptor<>("last-key", Types.STRING));
    }

    @Override
    public void processElement(VehicleFlag flag, Context context, Collector<FlagRow> out)
            throws Exception {
        String key = matchKeys.ofFlagPlate(flag.getPlate());
        String previous = lastKey.value();
        FlagRow row = row(flag);
        row.matchKey = key;
        row.previousMatchKey = previous != null && !previous.equals(key) ? previous : null;
        row.removed = flag.getAction() == FlagAction.REMOVE || key == null;
        if (row.removed) {
            lastKey.clear();
        } else {
            lastKey.update(key);
        }
        out.collect(row);
    }

    private static FlagRow row(VehicleFlag flag) {
        FlagRow row = new FlagRow();
        row.flagId = flag.getFlagId();
        row.plate = flag.getPlate();
        row.region = flag.getRegion();
        row.category = flag.getCategory().name();
        row.reason = flag.getReason();
        row.ownerOrganisationId = flag.getOwnerOrganisationId();
        row.incidentId = flag.getIncidentId();
        row.priority = flag.getPriority().name();
        row.validFromMillis = flag.getValidFrom().toEpochMilli();
        row.expiresAtMillis =
                flag.getExpiresAt() == null ? null : flag.getExpiresAt().toEpochMilli();
        row.sharingLevel = flag.getSharing().getLevel().name();
        row.sharingGroups = new ArrayList<>(flag.getSharing().getGroups());
        row.covert = flag.getCovert();
        row.updatedAtMillis = flag.getUpdatedAt().toEpochMilli();
        return row;
    }
}
