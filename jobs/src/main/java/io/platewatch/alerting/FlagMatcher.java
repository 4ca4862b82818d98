package io.platewatch.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The matching rule for plain (non-wildcard) flags, keyed by match key. The key holds two small
 * maps: the active flags of that key (flag id to compact flag) and the recent reads of that key
 * ((camera id, read id) to the read copy).
 *
 * <ul>
 *   <li>A read is classified against every active flag of its key at once; a flag that had expired
 *       at the read's capture time does not match, and a read captured before the flag's validFrom
 *       gives a historical match.
 *   <li>A flag new to the key is checked against every held read captured in the retention window:
 *       matches from before validFrom are historical; a held read captured after validFrom (the
 *       flag reached the job after the read) matches as live. An UPDATE of a flag the key already
 *       holds replaces it without a new scan, so reads are not alerted twice.
 *   <li>Retention: each read leaves state at capturedAt + window by an event-time timer. A read
 *       whose window has already passed at the current watermark is matched but not stored. The
 *       processing-time state TTL on the reads map only backs this up should event time stall.
 *   <li>Flags leave state on REMOVE and, by timer, at expiresAt plus a grace period during which
 *       late reads captured before expiry can still match.
 * </ul>
 */
public class FlagMatcher extends KeyedCoProcessFunction<String, KeyedRead, FlagChange, Match> {

    private final MatchClassifier classifier;
    private final ReadRetention retention;
    private final Duration stateTtlBackstop;
    private final long expiryGraceMillis;

    private transient MapState<String, CompactFlag> flags;
    private transient MapState<String, KeyedRead> reads;
    private transient Counter lateReads;
    private transient Counter readsNotKept;
    private transient Counter readsExpired;
    private transient Counter flagsExpired;
    private transient Counter historicalMatches;

    public FlagMatcher(AlertingConfig config) {
        this.classifier = MatchClassifier.from(config);
        this.retention = new ReadRetention(config.readRetention());
        this.stateTtlBackstop = config.stateTtlBackstop();
        this.expiryGraceMillis = config.flagExpiryGrace().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        flags =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("flags", String.class, CompactFlag.class));
        MapStateDescriptor<String, KeyedRead> readsDescriptor =
                new MapStateDescriptor<>("reads", String.class, KeyedRead.class);
        readsDescriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(stateTtlBackstop)
                        .updateTtlOnCreateAndWrite()
                        .neverReturnExpired()
                        .build());
        reads = getRuntimeContext().getMapState(readsDescriptor);

        var metrics = getRuntimeContext().getMetricGroup();
        lateReads = metrics.counter(AlertingMetrics.LATE_READS);
        readsNotKept = metrics.counter(AlertingMetrics.READS_NOT_KEPT);
        readsExpired = metrics.counter(AlertingMetrics.READS_EXPIRED);
        flagsExpired = metrics.counter(AlertingMetrics.FLAGS_EXPIRED);
        historicalMatches = metrics.counter(AlertingMetrics.HISTORICAL_MATCHES);
    }

    @Override
    public void processElement1(KeyedRead read, Context ctx, Collector<Match> out)
            throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        long capturedAt = read.read.capturedAt;
        if (read.primary && capturedAt < watermark) {
            lateReads.inc();
        }
        for (CompactFlag flag : flags.values()) {
            Match match = matchOf(read, flag);
            if (match != null) {
                out.collect(match);
            }
        }
        if (retention.expiredAt(capturedAt, watermark)) {
            readsNotKept.inc();
            return;
        }
        reads.put(read.read.stateKey(), read);
        ctx.timerService().registerEventTimeTimer(retention.expiryOf(capturedAt));
    }

    @Override
    public void processElement2(FlagChange change, Context ctx, Collector<Match> out)
            throws Exception {
        if (change.kind == FlagChange.Kind.REMOVE) {
            flags.remove(change.flagId);
            return;
        }
        CompactFlag flag = change.flag;
        long watermark = ctx.timerService().currentWatermark();
        long forgetAt = forgetAt(flag);
        if (forgetAt <= watermark) {
            // Expired before it arrived: it can never alert, so it is not stored at all.
            flags.remove(flag.flagId);
            flagsExpired.inc();
            return;
        }
        boolean newToKey = !flags.contains(flag.flagId);
        flags.put(flag.flagId, flag);
        if (forgetAt != CompactFlag.NO_EXPIRY) {
            ctx.timerService().registerEventTimeTimer(forgetAt);
        }
        if (newToKey) {
            emitMatchesOfHeldReads(flag, watermark, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
        expireReads(timestamp);
        expireFlags(timestamp);
    }

    /** The match of one read copy and one flag, or null. */
    private Match matchOf(KeyedRead read, CompactFlag flag) {
        long capturedAt = read.read.capturedAt;
        if (!flag.activeAt(capturedAt)) {
            return null;
        }
        MatchClassifier.Classification c = classifier.classify(read, flag);
        if (c == null) {
            return null;
        }
        return new Match(
                read.read,
                flag,
                c.kind(),
                c.foldedDifferences(),
                flag.predates(capturedAt),
                read.matchKey,
                c.matchedPlate());
    }

    /** Matches of held reads for a flag new to the key, oldest capture first. */
    private void emitMatchesOfHeldReads(CompactFlag flag, long watermark, Collector<Match> out)
            throws Exception {
        List<Match> found = new ArrayList<>();
        for (KeyedRead held : reads.values()) {
            // A read whose retention timer is due but has not fired yet is already out of window.
            if (retention.expiredAt(held.read.capturedAt, watermark)) {
                continue;
            }
            Match match = matchOf(held, flag);
            if (match != null) {
                found.add(match);
            }
        }
        // Map order is backend-specific; a fixed order keeps the cooldown's choice reproducible.
        found.sort(
                Comparator.<Match>comparingLong(m -> m.read.capturedAt)
                        .thenComparing(m -> m.read.cameraId)
                        .thenComparing(m -> m.read.readId));
        historicalMatches.inc(found.size());
        found.forEach(out::collect);
    }

    private void expireReads(long timestamp) throws Exception {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, KeyedRead> entry : reads.entries()) {
            if (retention.expiredAt(entry.getValue().read.capturedAt, timestamp)) {
                due.add(entry.getKey());
            }
        }
        for (String key : due) {
            reads.remove(key);
        }
        readsExpired.inc(due.size());
    }

    private void expireFlags(long timestamp) throws Exception {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, CompactFlag> entry : flags.entries()) {
            if (forgetAt(entry.getValue()) <= timestamp) {
                due.add(entry.getKey());
            }
        }
        for (String flagId : due) {
            flags.remove(flagId);
        }
        flagsExpired.inc(due.size());
    }

    private long forgetAt(CompactFlag flag) {
        return flag.expiresAt == CompactFlag.NO_EXPIRY
                ? CompactFlag.NO_EXPIRY
                : FlagRouting.saturatedAdd(flag.expiresAt, expiryGraceMillis);
    }
}
