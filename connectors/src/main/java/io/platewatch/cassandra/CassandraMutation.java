package io.platewatch.cassandra;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One CQL write: a statement to prepare once and the values to bind, in bind-marker order. A row
 * with a retention limit names the instant it must be gone by, instead of a TTL: the TTL is worked
 * out when the write is sent (so a retried write never outlives its rule), bound to the statement's
 * last marker, which must be the one of {@code USING TTL ?}. A row whose instant has passed when it
 * would be sent is not written at all.
 *
 * <p>Values must be serializable driver types: String, Integer, Long, Float, Double, Boolean,
 * Instant, LocalDate, and sets or lists of those; a null value writes a null column.
 *
 * @param cql the statement, with positional bind markers
 * @param values values of the markers, without the TTL
 * @param expiresAtMillis epoch millis the row must expire by, or {@link #NEVER}
 */
public record CassandraMutation(String cql, List<Serializable> values, long expiresAtMillis)
        implements Serializable {

    /** The row is kept until deleted (or the table's default TTL). */
    public static final long NEVER = Long.MAX_VALUE;

    private static final long serialVersionUID = 1L;

    public CassandraMutation {
        Objects.requireNonNull(cql, "cql");
        if (expiresAtMillis != NEVER && !cql.replaceAll("\\s+", " ").contains("TTL ?")) {
            throw new IllegalArgumentException(
                    "a mutation with an expiry needs 'USING TTL ?' as its last bind marker");
        }
        // Copied into a list that accepts nulls: a null value clears its column.
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** A write kept until deleted. */
    public static CassandraMutation of(String cql, Serializable... values) {
        return new CassandraMutation(cql, java.util.Arrays.asList(values), NEVER);
    }

    /** A write that must be gone by {@code expiresAtMillis}; its CQL ends in USING TTL ?. */
    public static CassandraMutation expiringAt(
            long expiresAtMillis, String cql, Serializable... values) {
        return new CassandraMutation(cql, java.util.Arrays.asList(values), expiresAtMillis);
    }

    public boolean expires() {
        return expiresAtMillis != NEVER;
    }

    /**
     * TTL in whole seconds if sent at {@code nowMillis}, rounded down so the row never outlives its
     * rule; 0 or less means the row is already past its retention and must not be written.
     */
    public long ttlSecondsAt(long nowMillis) {
        return Math.floorDiv(expiresAtMillis - nowMillis, 1000L);
    }
}
