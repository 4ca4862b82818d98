package io.platewatch.simulator;

/** Greater Auckland, the box every simulated site lies in. */
public final class Area {
    public static final double MIN_LAT = -37.05;
    public static final double MAX_LAT = -36.70;
    public static final double MIN_LON = 174.55;
    public static final double MAX_LON = 175.00;

    private Area() {}

    public static boolean contains(double lat, double lon) {
        return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
    }
}
