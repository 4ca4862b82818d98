package io.platewatch.simulator;

import java.util.List;

/**
 * A simulated site: a car park or forecourt in one suburb, with its cameras.
 *
 * @param busyness relative traffic of the site; 1 is an average site
 */
public record Site(
        String id,
        String suburb,
        String organisationId,
        double lat,
        double lon,
        double busyness,
        List<SimCamera> cameras) {}
