package io.platewatch.demo;

import io.platewatch.simulator.TargetReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param reason why it stopped: duration reached, signal, failure
 * @param traffic what the simulated cameras sent and what the gateway answered, when collected
 * @param alertsSeen alerts the terminal showed
 * @param stored rows and documents in the stores by label, earlier runs included
 * @param stackStopped whether the stack was stopped (false with --keep-stack)
 * @param livePids processes of the demo still alive after the stop; empty when all are gone
 * @param busyPorts ports of the demo something still listens on after the stop
 * @param seconds wall-clock seconds of the stop itself
 */
public record StopReport(
        String reason,
        Optional<TargetReport> traffic,
        long alertsSeen,
        Map<String, Long> stored,
        boolean stackStopped,
        List<Long> livePids,
        List<Integer> busyPorts,
        double seconds) {

    /** Nothing of the demo is left running or listening. */
    public boolean clean() {
        return livePids.isEmpty() && busyPorts.isEmpty();
    }
}
