package io.platewatch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Sites over greater Auckland: one per suburb of a fixed list with approximate real centres, each
 * run by one of a few organisations and watched by one to three cameras a few tens of metres apart.
 * The list is fixed; the seed chooses camera counts, offsets and busyness.
 */
public final class SiteCatalogue {
    private record Suburb(String name, double lat, double lon) {}

    private static final List<Suburb> SUBURBS =
            List.of(
                    new Suburb("Albany", -36.7285, 174.7005),
                    new Suburb("Takapuna", -36.7870, 174.7700),
                    new Suburb("Glenfield", -36.7800, 174.7220),
                    new Suburb("Henderson", -36.8800, 174.6300),
                    new Suburb("New Lynn", -36.9080, 174.6850),
                    new Suburb("Auckland Central", -36.8485, 174.7633),
                    new Suburb("Newmarket", -36.8700, 174.7770),
                    new Suburb("Mount Wellington", -36.9050, 174.8400),
                    new Suburb("Onehunga", -36.9230, 174.7850),
                    new Suburb("Glen Innes", -36.8780, 174.8550),
                    new Suburb("Botany", -36.9300, 174.9100),
                    new Suburb("Papatoetoe", -36.9700, 174.8400),
                    new Suburb("Manukau", -36.9930, 174.8800),
                    new Suburb("Manurewa", -37.0230, 174.8960));

    private static final List<String> ORGANISATIONS =
            List.of("org-fuelco", "org-kiwimart", "org-parkright", "org-harbourretail");

    private SiteCatalogue() {}

    /** Every site, built from {@code random}. */
    public static List<Site> build(Random random) {
        List<Site> sites = new ArrayList<>();
        int cameraNumber = 0;
        for (int i = 0; i < SUBURBS.size(); i++) {
            Suburb suburb = SUBURBS.get(i);
            String siteId = "site-" + suburb.name().toLowerCase(Locale.ROOT).replace(' ', '-');
            String organisation = ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()));
            int cameraCount = 1 + random.nextInt(3);
            List<SimCamera> cameras = new ArrayList<>();
            for (int c = 1; c <= cameraCount; c++) {
                cameraNumber++;
                cameras.add(
                        new SimCamera(
                                "cam-" + siteId.substring(5) + "-" + c,
                                1000 + cameraNumber,
                                siteId,
                                organisation,
                                suburb.lat() + (random.nextDouble() - 0.5) * 0.0008,
                                suburb.lon() + (random.nextDouble() - 0.5) * 0.0008,
                                random.nextInt(360)));
            }
            double busyness = 0.5 + random.nextDouble();
            sites.add(
                    new Site(
                            siteId,
                            suburb.name(),
                            organisation,
                            suburb.lat(),
                            suburb.lon(),
                            busyness,
                            List.copyOf(cameras)));
        }
        return List.copyOf(sites);
    }
}
