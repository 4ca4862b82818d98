package io.platewatch.retention;

import io.platewatch.alerting.AlertingConfig;
import io.platewatch.alerting.LookAlikeFolding;
import io.platewatch.alerting.PlateNormaliser;
import java.io.Serializable;
import java.time.Duration;

/**
 * The retention rules and the plate handling the retention job shares with the alerting job.
 *
 * @param readRetention how long a read (and an alert, which carries its plate) is kept after
 *     capture: 60 days
 * @param evidenceRetention how long a read linked to an incident is kept after the link: 5 years
 * @param evidenceLookupPatience how long an evidence link waits for its read to appear in the reads
 *     table (the two arrive through separate streams) before it is stored from the link alone
 * @param normaliser the alerting job's plate normaliser, so both jobs compute the same match keys
 * @param folding the alerting job's look-alike folding
 */
public record RetentionConfig(
        Duration readRetention,
        Duration evidenceRetention,
        Duration evidenceLookupPatience,
        PlateNormaliser normaliser,
        LookAlikeFolding folding)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Duration READ_RETENTION = Duration.ofDays(60);
    public static final Duration EVIDENCE_RETENTION = Duration.ofDays(5 * 365);
    public static final Duration EVIDENCE_LOOKUP_PATIENCE = Duration.ofMinutes(2);

    public RetentionConfig {
        if (readRetention.isNegative() || readRetention.isZero()) {
            throw new IllegalArgumentException("read retention must be positive");
        }
        if (evidenceRetention.compareTo(readRetention) < 0) {
            throw new IllegalArgumentException(
                    "evidence retention must not be shorter than read retention");
        }
        // Cassandra refuses TTLs above 20 years.
        if (evidenceRetention.compareTo(Duration.ofDays(20 * 365)) > 0) {
            throw new IllegalArgumentException(
                    "evidence retention above 20 years is not supported");
        }
    }

    /** The standard rules, with plate handling taken from the alerting job's configuration. */
    public static RetentionConfig from(AlertingConfig alerting) {
        return new RetentionConfig(
                READ_RETENTION,
                EVIDENCE_RETENTION,
                EVIDENCE_LOOKUP_PATIENCE,
                new PlateNormaliser(
                        alerting.maxPlateLength(), alerting.minWildcardKnownCharacters()),
                alerting.folding());
    }

    public RetentionConfig withEvidenceLookupPatience(Duration patience) {
        return new RetentionConfig(readRetention, evidenceRetention, patience, normaliser, folding);
    }
}
