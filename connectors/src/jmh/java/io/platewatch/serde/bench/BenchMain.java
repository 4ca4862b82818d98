package io.platewatch.serde.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs JMH with the given arguments after creating the folder of the result file ({@code -rff}),
 * which JMH will not do, and prints the machine's load average before and after: figures from a
 * shared 2-core machine mean little without it.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        int resultFile = Arrays.asList(args).indexOf("-rff");
        if (resultFile >= 0 && resultFile + 1 < args.length) {
            Path parent = Path.of(args[resultFile + 1]).toAbsolutePath().getParent();
            Files.createDirectories(parent);
        }
        System.out.println("Load average before: " + loadAverage());
        try {
            org.openjdk.jmh.Main.main(args);
        } finally {
            System.out.println("Load average after: " + loadAverage());
        }
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("%.2f (1 min) on %d cores", load, cores);
    }
}
