package io.platewatch.infra.registry;

import io.platewatch.infra.stack.ServerStartException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds Apicurio Registry's runnable jar. The infra build unpacks the distribution tarball from the
 * local Maven repository into its target folder and records both places in a resource. When the
 * unpacked copy is gone (a {@code mvn clean} of infra while another module still uses the installed
 * infra jar), the tarball is unpacked once more with {@code tar} into the user's cache folder.
 */
final class RegistryDistribution {

    private static final String LOCATIONS_RESOURCE =
            "/io/platewatch/infra/server-locations.properties";

    private RegistryDistribution() {}

    /** The {@code *-runner.jar}, its {@code lib/} folder beside it. */
    static Path runnerJar() {
        Properties locations = locations();
        Path home = Path.of(locations.getProperty("apicurio.home"));
        Optional<Path> built = findRunner(home);
        if (built.isPresent()) {
            return built.get();
        }
        Path archive = Path.of(locations.getProperty("apicurio.archive"));
        Path cache =
                Path.of(System.getProperty("user.home"), ".cache", "platewatch")
                        .resolve("apicurio-registry-" + locations.getProperty("apicurio.version"));
        return findRunner(cache).orElseGet(() -> unpack(archive, cache, home));
    }

    private static Optional<Path> findRunner(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path unpack(Path archive, Path target, Path expectedHome) {
        if (!Files.isRegularFile(archive)) {
            throw new ServerStartException(
                    "registry cannot start: neither "
                            + expectedHome
                            + " nor the archive "
                            + archive
                            + " exists; build infra (mvn -pl infra package) to fetch and unpack"
                            + " Apicurio Registry");
        }
        try {
            Path partial =
                    Files.createDirectories(
                            target.resolveSibling(target.getFileName() + ".partial"));
            Process tar =
                    new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", partial.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new ServerStartException(
                        "registry cannot start: unpacking " + archive + " failed");
            }
            Files.move(partial, target);
        } catch (IOException e) {
            throw new ServerStartException(
                    "registry cannot start: unpacking " + archive + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("registry start interrupted while unpacking", e);
        }
        return findRunner(target)
                .orElseThrow(() -> new ServerStartException("no *-runner.jar in " + archive));
    }

    private static Properties locations() {
        Properties properties = new Properties();
        try (InputStream in = RegistryDistribution.class.getResourceAsStream(LOCATIONS_RESOURCE)) {
            if (in == null) {
                throw new ServerStartException(
                        "registry cannot start: resource "
                                + LOCATIONS_RESOURCE
                                + " is missing; it is written by the infra build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
