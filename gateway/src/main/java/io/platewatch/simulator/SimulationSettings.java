package io.platewatch.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What to simulate. Everything that varies comes from {@code seed}: two runs with equal settings
 * produce equal events.
 *
 * @param seed seed of every random choice
 * @param start first instant of simulated time
 * @param period length of simulated time
 * @param vehicles size of the vehicle population
 * @param readsPerCameraPerHour average reads per camera per hour over a day
 * @param regularShare share of vehicles that are regulars of some sites
 * @param regularVisitShare share of a site's reads that are of its regulars
 * @param offenders offender vehicles
 * @param offenderVisitsPerDay site visits per offender per day
 * @param incidentProbability chance that an offender visit ends in a reported incident
 * @param misreadRate chance that a read of a plate with a confusable character is misread
 * @param outagesPerCameraPerDay camera outages per camera per day
 * @param meanOutage average length of an outage
 */
public record SimulationSettings(
        long seed,
        Instant start,
        Duration period,
        int vehicles,
        double readsPerCameraPerHour,
        double regularShare,
        double regularVisitShare,
        int offenders,
        double offenderVisitsPerDay,
        double incidentProbability,
        double misreadRate,
        double outagesPerCameraPerDay,
        Duration meanOutage) {

    public SimulationSettings {
        if (vehicles < 1 || offenders < 0 || offenders > vehicles) {
            throw new IllegalArgumentException(
                    "need at least one vehicle and at most as many" + " offenders as vehicles");
        }
        if (misreadRate < 0 || misreadRate > 1) {
            throw new IllegalArgumentException("misread rate must be between 0 and 1");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
    }

    /** A day of traffic from {@code start} with everyday defaults. */
    public static Builder builder(long seed, Instant start) {
        return new Builder(seed, start);
    }

    /** Builder with defaults for a mid-sized network: a day, 5000 vehicles, 40 reads/h/camera. */
    public static final class Builder {
        private final long seed;
        private final Instant start;
        private Duration period = Duration.ofDays(1);
        private int vehicles = 5000;
        private double readsPerCameraPerHour = 40;
        private double regularShare = 0.3;
        private double regularVisitShare = 0.5;
        private int offenders = 5;
        private double offenderVisitsPerDay = 4;
        private double incidentProbability = 0.25;
        private double misreadRate = 0.03;
        private double outagesPerCameraPerDay = 0.2;
        private Duration meanOutage = Duration.ofMinutes(45);

        private Builder(long seed, Instant start) {
            this.seed = seed;
            this.start = start;
        }

        public Builder period(Duration value) {
            period = value;
            return this;
        }

        public Builder vehicles(int value) {
            vehicles = value;
            return this;
        }

        public Builder readsPerCameraPerHour(double value) {
            readsPerCameraPerHour = value;
            return this;
        }

        public Builder regularShare(double value) {
            regularShare = value;
            return this;
        }

        public Builder regularVisitShare(double value) {
            regularVisitShare = value;
            return this;
        }

        public Builder offenders(int value) {
            offenders = value;
            return this;
        }

        public Builder offenderVisitsPerDay(double value) {
            offenderVisitsPerDay = value;
            return this;
        }

        public Builder incidentProbability(double value) {
            incidentProbability = value;
            return this;
        }

        public Builder misreadRate(double value) {
            misreadRate = value;
            return this;
        }

        public Builder outagesPerCameraPerDay(double value) {
            outagesPerCameraPerDay = value;
            return this;
        }

        public Builder meanOutage(Duration value) {
            meanOutage = value;
            return this;
        }

        public SimulationSettings build() {
            return new SimulationSettings(
                    seed,
                    start,
                    period,
                    vehicles,
                    readsPerCameraPerHour,
                    regularShare,
                    regularVisitShare,
                    offenders,
                    offenderVisitsPerDay,
                    incidentProbability,
                    misreadRate,
                    outagesPerCameraPerDay,
                    meanOutage);
        }
    }
}
