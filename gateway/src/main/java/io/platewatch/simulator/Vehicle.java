package io.platewatch.simulator;

import java.util.List;

/**
 * A simulated vehicle.
 *
 * @param plate the plate as issued
 * @param region ISO 3166 code of the issuer
 * @param regularSites indices of the sites it keeps returning to; empty for a passer-by
 * @param offender whether it takes part in incidents
 */
public record Vehicle(
        String plate,
        String region,
        String make,
        String model,
        String colour,
        String type,
        List<Integer> regularSites,
        boolean offender) {}
