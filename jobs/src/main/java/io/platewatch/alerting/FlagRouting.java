package io.platewatch.alerting;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by flag id: remembers where each flag lives (its match key, or the wildcard set), so that
 *
 * <ul>
 *   <li>an UPDATE that changes the plate, and with it the key, first removes the flag from its old
 *       key;
 *   <li>a REMOVE reaches the right key whatever plate text it carries;
 *   <li>an event older than the last one seen for the flag (by updatedAt) is ignored.
 * </ul>
 *
 * The route is forgotten on REMOVE and, by an event-time timer, once the flag has expired (plus the
 * grace period); a REMOVE of a flag the router does not know is dropped. After a REMOVE the router
 * keeps nothing, so a stale ADD of that flag arriving later adds it again.
 */
public class FlagRouting extends KeyedProcessFunction<String, FlagChange, FlagChange> {

    private final long expiryGraceMillis;

    private transient ValueState<String> route;
    private transient ValueState<Long> lastUpdatedAt;
    private transient ValueState<Long> forgetAt;
    private transient Counter staleEvents;

    public FlagRouting(Duration expiryGrace) {
        this.expiryGraceMillis = expiryGrace.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        route = getRuntimeContext().getState(new ValueStateDescriptor<>("route", String.class));
        lastUpdatedAt =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-updated-at", Long.class));
        forgetAt =
                getRuntimeContext().getState(new ValueStateDescriptor<>("forget-at", Long.class));
        staleEvents =
                getRuntimeContext().getMetricGroup().counter(AlertingMetrics.STALE_FLAG_EVENTS);
    }

    @Override
    public void processElement(FlagChange change, Context ctx, Collector<FlagChange> out)
            throws Exception {
        Long last = lastUpdatedAt.value();
        if (last != null && change.updatedAt < last) {
            staleEvents.inc();
            return;
        }
        String current = route.value();
        if (change.kind == FlagChange.Kind.REMOVE) {
            if (current != null) {
                out.collect(FlagChange.remove(change.flagId, current, change.updatedAt));
            }
            clear();
            return;
        }
        if (current != null && !current.equals(change.route)) {
            out.collect(FlagChange.remove(change.flagId, current, change.updatedAt));
        }
        out.collect(change);
        route.update(change.route);
        lastUpdatedAt.update(change.updatedAt);
        scheduleForget(change.flag.expiresAt, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FlagChange> out)
            throws Exception {
        Long due = forgetAt.value();
        if (due != null && due <= timestamp) {
            clear();
        }
    }

    private void scheduleForget(long expiresAt, Context ctx) throws Exception {
        if (expiresAt == CompactFlag.NO_EXPIRY) {
            forgetAt.clear();
            return;
        }
        long due = saturatedAdd(expiresAt, expiryGraceMillis);
        forgetAt.update(due);
        ctx.timerService().registerEventTimeTimer(due);
    }

    private void clear() {
        route.clear();
        lastUpdatedAt.clear();
        forgetAt.clear();
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
