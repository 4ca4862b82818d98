package io.platewatch.alerting;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long the job holds a read for historical matching: {@code window} after its capture time, in
 * event time. A read is dropped by an event-time timer at capturedAt + window; a read already older
 * than that when it arrives (compared with the operator's current watermark, so replays behave
 * exactly like live runs) is matched but never stored.
 */
public final class ReadRetention implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long windowMillis;

    public ReadRetention(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /** Event time at which a read captured at {@code capturedAt} leaves state. */
    public long expiryOf(long capturedAt) {
        long expiry = capturedAt + windowMillis;
        // Saturate instead of wrapping for absurd camera clocks.
        return expiry < capturedAt ? Long.MAX_VALUE : expiry;
    }

    /** True when the read's retention has already run out at this watermark. */
    public boolean expiredAt(long capturedAt, long watermark) {
        return expiryOf(capturedAt) <= watermark;
    }
}
