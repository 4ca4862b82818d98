package io.platewatch.simulator;

/**
 * Relative traffic by local hour of the day: quiet nights, a morning peak at 8, a lunch bump and
 * the evening peak at 5. The weights average 1 over the day.
 */
public final class TrafficProfile {
    private static final double[] RAW = {
        0.15, 0.10, 0.08, 0.08, 0.12, 0.30, 0.80, 1.50, 1.90, 1.30, 1.10, 1.20,
        1.40, 1.30, 1.20, 1.40, 1.80, 2.00, 1.60, 1.10, 0.80, 0.60, 0.40, 0.25
    };
    private static final double[] WEIGHTS = normalised();

    private TrafficProfile() {}

    /** The weight of local hour {@code hour} (0 to 23). */
    public static double weight(int hour) {
        return WEIGHTS[hour];
    }

    private static double[] normalised() {
        double sum = 0;
        for (double w : RAW) {
            sum += w;
        }
        double[] result = new double[RAW.length];
        for (int i = 0; i < RAW.length; i++) {
            result[i] = RAW[i] * RAW.length / sum;
        }
        return result;
    }
}
