package io.platewatch.infra.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Lays out the folder an Elasticsearch node runs from, as a distribution would have it:
 *
 * <pre>
 *   home/config/elasticsearch.yml     settings written from {@link #settings}
 *   home/modules/transport-netty4/    links to the plugin's jars, plus the plugin descriptor and
 *                                     entitlement policy taken from the plugin jar
 *   home/plugins/                     empty
 *   data/, logs/, tmp/
 *   native/libzstd.so                 link to the system's zstd, when it has one
 *   node-main/                        the compiled node main
 * </pre>
 *
 * The data folder survives a restart; everything else is rewritten on every start.
 */
final class ElasticsearchHome {

    static final String PLUGIN = "transport-netty4";
    private static final String PLUGIN_META = "META-INF/es-plugins/" + PLUGIN + "/";

    private final Path dir;

    ElasticsearchHome(Path dir) {
        this.dir = dir;
    }

    Path home() {
        return dir.resolve("home");
    }

    Path settingsFile() {
        return home().resolve("config").resolve("elasticsearch.yml");
    }

    Path mainClasses() {
        return dir.resolve("node-main");
    }

    Path nativeLibraries() {
        return dir.resolve("native");
    }

    Path tmp() {
        return dir.resolve("tmp");
    }

    /**
     * The node's settings: one node on loopback that elects itself, with the disk watermarks off (a
     * nearly full developer disk must not turn indices read-only) and a node attribute, without
     * which the 9.x client cannot parse the nodes-info answer.
     */
    Map<String, String> settings(String host, int httpPort, int transportPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "platewatch-local");
        settings.put("node.name", "platewatch-es");
        settings.put("path.home", home().toString());
        settings.put("path.data", dir.resolve("data").toString());
        settings.put("path.logs", dir.resolve("logs").toString());
        settings.put("network.host", host);
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("transport.port", Integer.toString(transportPort));
        settings.put("discovery.type", "single-node");
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.put("node.attr.platewatch", "local");
        settings.put("action.destructive_requires_name", "true");
        return settings;
    }

    /** Writes the layout; {@code zstd} is the system library to link, when present. */
    void prepare(Map<String, String> settings, Path zstd) throws IOException {
        for (Path folder :
                List.of(
                        home().resolve("config"),
                        home().resolve("plugins"),
                        dir.resolve("data"),
                        dir.resolve("logs"),
                        tmp())) {
            Files.createDirectories(folder);
        }
        writeSettings(settings);
        preparePlugin();
        prepareNative(zstd);
        ElasticsearchNodeFiles.extractMain(mainClasses());
    }

    private void writeSettings(Map<String, String> settings) throws IOException {
        StringBuilder yaml =
                new StringBuilder("# Written by the PlateWatch launcher on every start.\n");
        settings.forEach(
                (key, value) -> yaml.append(key).append(": ").append(quoted(value)).append('\n'));
        Files.writeString(settingsFile(), yaml.toString(), StandardCharsets.UTF_8);
    }

    /** YAML double-quoted scalar; settings values are paths, names and numbers. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private void preparePlugin() throws IOException {
        Path module = home().resolve("modules").resolve(PLUGIN);
        deleteTree(module);
        Files.createDirectories(module);
        Path pluginJar = null;
        for (Path jar : ElasticsearchNodeFiles.pluginJars()) {
            Files.createSymbolicLink(module.resolve(jar.getFileName()), jar);
            if (jar.getFileName().toString().startsWith(PLUGIN + "-")) {
                pluginJar = jar;
            }
        }
        if (pluginJar == null) {
            throw new IllegalStateException(
                    "the " + PLUGIN + " jar is not among the plugin's jars");
        }
        try (ZipFile zip = new ZipFile(pluginJar.toFile())) {
            copyEntry(zip, PLUGIN_META + "plugin-descriptor.properties", module, true);
            copyEntry(zip, PLUGIN_META + "entitlement-policy.yaml", module, false);
        }
    }

    private static void copyEntry(ZipFile zip, String name, Path folder, boolean required)
            throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            if (required) {
                throw new IllegalStateException(zip.getName() + " has no " + name);
            }
            return;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(
                    in,
                    folder.resolve(Path.of(name).getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Elasticsearch looks for libzstd.so under es.nativelibs.path; the system ships libzstd.so.1.
     * Without it only the best_compression codec fails, so a missing library is not an error.
     */
    private void prepareNative(Path zstd) throws IOException {
        deleteTree(nativeLibraries());
        Files.createDirectories(nativeLibraries());
        if (zstd != null && Files.isRegularFile(zstd)) {
            Files.createSymbolicLink(nativeLibraries().resolve("libzstd.so"), zstd);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
