package io.platewatch.alerting;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by (flag id, site id): turns matches into alerts and evidence links.
 *
 * <ul>
 *   <li>Cooldown: a match captured within {@code cooldown} of the last alert of the same flag at
 *       the same site is folded into that alert and not emitted. The key is flag and site, never
 *       the site alone, so a second flag at the same site still alerts. Live and historical matches
 *       keep separate cooldowns: a historical lead must not swallow a live sighting. Capture times
 *       are compared in both directions, so an out-of-order read within the cooldown folds too; the
 *       cooldown of a key is forgotten by timer once event time has passed it, so a read arriving
 *       later than that can alert again.
 *   <li>Evidence: every historical match, and every live match of an incident-linked flag, yields
 *       an evidence link, folded or not: the cooldown reduces noise for people, while every linked
 *       read must be kept for the incident.
 *   <li>Times: capturedAt from the read, ingestedAt = the read's receivedAt, emittedAt from the
 *       clock when the alert leaves this function; readAgeMillis = emittedAt - capturedAt.
 * </ul>
 */
public class AlertDecision extends KeyedProcessFunction<String, Match, Alert> {

    /** Side output of evidence links. */
    public static final OutputTag<EvidenceLink> EVIDENCE =
            new OutputTag<>(
                    "alerting-evidence-links", SpecificRecordTypeInfo.forClass(EvidenceLink.class));

    private final long cooldownMillis;
    private final Clock clock;

    private transient ValueState<Long> lastLiveAlert;
    private transient ValueState<Long> lastHistoricalAlert;
    private transient Counter alertsOut;
    private transient Counter alertsFolded;
    private transient Counter evidenceLinks;
    private transient Histogram latency;

    public AlertDecision(Duration cooldown, Clock clock) {
        this.cooldownMillis = cooldown.toMillis();
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        lastLiveAlert =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-live-alert", Long.class));
        lastHistoricalAlert =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-historical-alert", Long.class));
        var metrics = getRuntimeContext().getMetricGroup();
        alertsOut = metrics.counter(AlertingMetrics.ALERTS_OUT);
        alertsFolded = metrics.counter(AlertingMetrics.ALERTS_FOLDED);
        evidenceLinks = metrics.counter(AlertingMetrics.EVIDENCE_LINKS);
        latency =
                metrics.histogram(
                        AlertingMetrics.READ_TO_ALERT_LATENCY, AlertingMetrics.latencyHistogram());
    }

    @Override
    public void processElement(Match match, Context ctx, Collector<Alert> out) throws Exception {
        if (match.historical || match.flag.incidentLinked()) {
            evidenceLinks.inc();
            ctx.output(EVIDENCE, AlertFactory.evidenceLink(match, clock.millis()));
        }
        ValueState<Long> last = match.historical ? lastHistoricalAlert : lastLiveAlert;
        Long previous = last.value();
        long capturedAt = match.read.capturedAt;
        if (previous != null && Math.abs(capturedAt - previous) < cooldownMillis) {
            alertsFolded.inc();
            return;
        }
        long emittedAt = clock.millis();
        out.collect(AlertFactory.alert(match, emittedAt));
        alertsOut.inc();
        if (!match.historical) {
            latency.update(Math.max(0, emittedAt - match.read.receivedAt));
        }
        long newest = previous == null ? capturedAt : Math.max(previous, capturedAt);
        last.update(newest);
        ctx.timerService().registerEventTimeTimer(FlagRouting.saturatedAdd(newest, cooldownMillis));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        forgetIfPassed(lastLiveAlert, timestamp);
        forgetIfPassed(lastHistoricalAlert, timestamp);
    }

    private void forgetIfPassed(ValueState<Long> last, long timestamp) throws Exception {
        Long value = last.value();
        if (value != null && FlagRouting.saturatedAdd(value, cooldownMillis) <= timestamp) {
            last.clear();
        }
    }
}
