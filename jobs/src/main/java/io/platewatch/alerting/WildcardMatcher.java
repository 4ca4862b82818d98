package io.platewatch.alerting;

import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.VehicleFlag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The matching rule for wildcard flags ('?' one character, '*' any run). A pattern has no single
 * match key, so wildcard flags are broadcast to every parallel instance and every read (once, not
 * per key copy) is checked against all of them, main plate first, then each alternative reading.
 *
 * <p>Limits, stated plainly:
 *
 * <ul>
 *   <li>At most {@code maxWildcardFlags} are held; checking each read costs one glob match per held
 *       pattern. A new wildcard flag beyond the limit is rejected to dead letters with the reason
 *       (updates of held flags and removals are always accepted).
 *   <li>Wildcard flags match only reads that arrive after them: reads are held in keyed state of
 *       the plain matcher, out of reach here, so no historical alerts come from wildcard flags.
 *   <li>Expired wildcard flags never alert (checked against the read's capture time); they are
 *       pruned when the next flag change arrives, since broadcast state has no timers.
 * </ul>
 *
 * Every parallel instance applies the same changes in the same order, so their states agree; only
 * instance 0 reports a rejection, so a rejected flag yields one dead letter, not one per instance.
 */
public class WildcardMatcher extends BroadcastProcessFunction<PreparedRead, FlagChange, Match> {

    /** Broadcast state of wildcard flags: flag id to compact flag. */
    public static final MapStateDescriptor<String, CompactFlag> WILDCARD_FLAGS =
            new MapStateDescriptor<>(
                    "wildcard-flags", Types.STRING, TypeInformation.of(CompactFlag.class));

    static final String STAGE = "alerting/wildcard-flags";

    private final MatchClassifier classifier;
    private final LookAlikeFolding folding;
    private final int maxWildcardFlags;
    private final long expiryGraceMillis;
    private final String sourceTopic;
    private final Clock clock;

    private transient Counter deadLetters;
    private transient Counter flagsExpired;

    public WildcardMatcher(AlertingConfig config, Clock clock) {
        this.classifier = MatchClassifier.from(config);
        this.folding = config.folding();
        this.maxWildcardFlags = config.maxWildcardFlags();
        this.expiryGraceMillis = config.flagExpiryGrace().toMillis();
        this.sourceTopic = config.flagsTopic();
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        var metrics = getRuntimeContext().getMetricGroup();
        deadLetters = metrics.counter(AlertingMetrics.DEAD_LETTERS);
        flagsExpired = metrics.counter(AlertingMetrics.FLAGS_EXPIRED);
    }

    @Override
    public void processElement(PreparedRead read, ReadOnlyContext ctx, Collector<Match> out)
            throws Exception {
        long capturedAt = read.read.capturedAt;
        for (Map.Entry<String, CompactFlag> entry :
                ctx.getBroadcastState(WILDCARD_FLAGS).immutableEntries()) {
            CompactFlag flag = entry.getValue();
            if (!flag.activeAt(capturedAt)) {
                continue;
            }
            MatchClassifier.Classification c = classifier.classifyWildcard(read, flag);
            if (c != null) {
                out.collect(
                        new Match(
                                read.read,
                                flag,
                                c.kind(),
                                0,
                                flag.predates(capturedAt),
                                folding.matchKey(read.plate),
                                c.matchedPlate()));
            }
        }
    }

    @Override
    public void processBroadcastElement(FlagChange change, Context ctx, Collector<Match> out)
            throws Exception {
        BroadcastState<String, CompactFlag> state = ctx.getBroadcastState(WILDCARD_FLAGS);
        pruneExpired(state, change.updatedAt);
        if (change.kind == FlagChange.Kind.REMOVE) {
            state.remove(change.flagId);
            return;
        }
        if (state.contains(change.flagId) || size(state) < maxWildcardFlags) {
            state.put(change.flagId, change.flag);
            return;
        }
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            deadLetters.inc();
            ctx.output(
                    AlertingDeadLetters.TAG,
                    AlertingDeadLetters.rejected(
                            sourceTopic,
                            describe(change.flag),
                            ErrorKind.OTHER,
                            "wildcard flag rejected: "
                                    + maxWildcardFlags
                                    + " wildcard flags are held already (wildcard.max-flags)",
                            STAGE,
                            clock.millis()));
        }
    }

    /**
     * Drops flags past expiry and grace. The reference time is the change's own updatedAt, not a
     * clock, so every instance prunes exactly the same flags.
     */
    private void pruneExpired(BroadcastState<String, CompactFlag> state, long now)
            throws Exception {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, CompactFlag> entry : state.entries()) {
            long expiresAt = entry.getValue().expiresAt;
            if (expiresAt != CompactFlag.NO_EXPIRY
                    && FlagRouting.saturatedAdd(expiresAt, expiryGraceMillis) <= now) {
                due.add(entry.getKey());
            }
        }
        for (String flagId : due) {
            state.remove(flagId);
        }
        flagsExpired.inc(due.size());
    }

    private static int size(BroadcastState<String, CompactFlag> state) throws Exception {
        int n = 0;
        for (Map.Entry<String, CompactFlag> ignored : state.entries()) {
            n++;
        }
        return n;
    }

    /**
     * The rejected flag as a record for the dead letter. The original VehicleFlag is gone by now,
     * so it is rebuilt from the compact flag; fields the job never keeps are left empty.
     */
    private static VehicleFlag describe(CompactFlag flag) {
        return VehicleFlag.newBuilder()
                .setFlagId(flag.flagId)
                .setAction(FlagAction.ADD)
                .setPlate(flag.plate)
                .setRegion(flag.region)
                .setCategory(flag.category == null ? FlagCategory.OTHER : flag.category)
                .setReason("")
                .setOwnerOrganisationId(flag.ownerOrganisationId)
                .setIncidentId(flag.incidentId)
                .setPriority(flag.priority == null ? Priority.MEDIUM : flag.priority)
                .setValidFrom(Instant.ofEpochMilli(flag.validFrom))
                .setExpiresAt(
                        flag.expiresAt == CompactFlag.NO_EXPIRY
                                ? null
                                : Instant.ofEpochMilli(flag.expiresAt))
                .setSharing(new SharingScope(flag.sharingLevel, Arrays.asList(flag.sharingGroups)))
                .setCovert(flag.covert)
                .setCreatedBy("")
                .setJustification("")
                .setUpdatedAt(Instant.ofEpochMilli(flag.updatedAt))
                .build();
    }
}
