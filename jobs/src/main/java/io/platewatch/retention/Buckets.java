package io.platewatch.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Partition buckets of the time-series tables, always in UTC so every writer agrees. */
final class Buckets {

    private Buckets() {}

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant hour(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }
}
