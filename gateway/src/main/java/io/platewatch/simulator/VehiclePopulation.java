package io.platewatch.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The vehicles on the simulated roads: mostly New Zealand plates, a few Australian, British and
 * Californian ones (visitors, imports, rentals). A share are regulars of one to three sites; a few
 * are offenders who move between sites and take part in incidents.
 */
public final class VehiclePopulation {
    private record Model(String make, String model, String type) {}

    private static final List<Model> MODELS =
            List.of(
                    new Model("Toyota", "Corolla", "sedan"),
                    new Model("Toyota", "Aqua", "hatchback"),
                    new Model("Toyota", "Hilux", "ute"),
                    new Model("Ford", "Ranger", "ute"),
                    new Model("Mazda", "Demio", "hatchback"),
                    new Model("Mazda", "CX-5", "suv"),
                    new Model("Suzuki", "Swift", "hatchback"),
                    new Model("Nissan", "Leaf", "hatchback"),
                    new Model("Honda", "Fit", "hatchback"),
                    new Model("Mitsubishi", "Outlander", "suv"),
                    new Model("Kia", "Sportage", "suv"),
                    new Model("Hyundai", "Tucson", "suv"),
                    new Model("Tesla", "Model 3", "sedan"),
                    new Model("Toyota", "Hiace", "van"));

    private static final List<String> COLOURS =
            List.of("white", "silver", "black", "grey", "blue", "red", "green");

    private final List<Vehicle> vehicles;
    private final List<List<Integer>> regularsBySite;
    private final List<Integer> offenders;

    private VehiclePopulation(
            List<Vehicle> vehicles, List<List<Integer>> regularsBySite, List<Integer> offenders) {
        this.vehicles = vehicles;
        this.regularsBySite = regularsBySite;
        this.offenders = offenders;
    }

    /**
     * Builds {@code size} vehicles with distinct plates.
     *
     * @param regularShare share of vehicles that are regulars of some sites
     * @param offenderCount vehicles that take part in incidents
     */
    public static VehiclePopulation build(
            Random random, int size, int siteCount, double regularShare, int offenderCount) {
        List<Vehicle> vehicles = new ArrayList<>(size);
        List<List<Integer>> regularsBySite = new ArrayList<>();
        for (int s = 0; s < siteCount; s++) {
            regularsBySite.add(new ArrayList<>());
        }
        List<Integer> offenders = new ArrayList<>();
        Set<String> plates = new HashSet<>();
        for (int i = 0; i < size; i++) {
            PlateFormat format = format(random);
            String plate;
            do {
                plate = format.generate(random);
            } while (!plates.add(plate));
            boolean offender = i < offenderCount;
            List<Integer> regular = new ArrayList<>();
            if (!offender && random.nextDouble() < regularShare) {
                int count = 1 + random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    int site = random.nextInt(siteCount);
                    if (!regular.contains(site)) {
                        regular.add(site);
                        regularsBySite.get(site).add(i);
                    }
                }
            }
            Model model = MODELS.get(random.nextInt(MODELS.size()));
            String colour = COLOURS.get(random.nextInt(COLOURS.size()));
            vehicles.add(
                    new Vehicle(
                            plate,
                            format.region(),
                            model.make(),
                            model.model(),
                            colour,
                            model.type(),
                            List.copyOf(regular),
                            offender));
            if (offender) {
                offenders.add(i);
            }
        }
        return new VehiclePopulation(List.copyOf(vehicles), regularsBySite, List.copyOf(offenders));
    }

    /** 88% New Zealand, 5% New South Wales, 4% Great Britain, 3% California. */
    private static PlateFormat format(Random random) {
        double draw = random.nextDouble();
        if (draw < 0.88) {
            return PlateFormat.NZ;
        }
        if (draw < 0.93) {
            return PlateFormat.AU_NSW;
        }
        if (draw < 0.97) {
            return PlateFormat.GB;
        }
        return PlateFormat.US_CA;
    }

    public Vehicle get(int index) {
        return vehicles.get(index);
    }

    public int size() {
        return vehicles.size();
    }

    /** Indices of the regulars of a site. */
    public List<Integer> regularsOf(int site) {
        return regularsBySite.get(site);
    }

    /** Indices of the offender vehicles. */
    public List<Integer> offenders() {
        return offenders;
    }
}
