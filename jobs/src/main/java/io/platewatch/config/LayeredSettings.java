package io.platewatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.util.TimeUtils;

/**
 * Flat key/value settings of a job, read from layers where a later layer wins: the defaults file
 * shipped on the class path, an optional properties file, system properties that start with {@code
 * platewatch.}, and explicit overrides (command-line {@code -Dkey=value}).
 *
 * <p>Keys are written without the {@code platewatch.} prefix everywhere except in system
 * properties, where the prefix keeps them apart from the JVM's own. A key that no layer sets is a
 * startup error naming the key, never a silent default in code: the defaults file is the single
 * place where defaults are written down.
 */
public final class LayeredSettings {

    /** Prefix that marks a system property as a PlateWatch setting. */
    public static final String SYSTEM_PROPERTY_PREFIX = "platewatch.";

    private final Map<String, String> values;

    private LayeredSettings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Loads the layers in order.
     *
     * @param defaultsResource class-path resource holding the documented defaults
     * @param file optional properties file; null when none is given
     * @param overrides explicit overrides, applied last
     */
    public static LayeredSettings load(
            String defaultsResource, Path file, Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(readResource(defaultsResource));
        if (file != null) {
            merged.putAll(readFile(file));
        }
        merged.putAll(fromSystemProperties(System.getProperties()));
        merged.putAll(overrides);
        return new LayeredSettings(merged);
    }

    /** Settings from an explicit map only; used by tests and by callers that merged already. */
    public static LayeredSettings of(Map<String, String> values) {
        return new LayeredSettings(values);
    }

    /** A copy with some keys replaced. */
    public LayeredSettings with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new LayeredSettings(merged);
    }

    /** Every key and value, sorted by key. */
    public Map<String, String> asMap() {
        return values;
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Missing setting '" + key + "'");
        }
        return value.trim();
    }

    /** The value, or null when the key is absent or blank. */
    public String optionalString(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public int integer(String key) {
        String value = string(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Setting '" + key + "' must be an integer, got '" + value + "'", e);
        }
    }

    public boolean bool(String key) {
        String value = string(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(
                    "Setting '" + key + "' must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * A duration in Flink's notation: {@code 30 s}, {@code 5 min}, {@code 60 d}, {@code 100 ms}.
     */
    public Duration duration(String key) {
        String value = string(key);
        try {
            return TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Setting '" + key + "' must be a duration such as '5 min', got '" + value + "'",
                    e);
        }
    }

    static Map<String, String> fromSystemProperties(Properties system) {
        Map<String, String> result = new TreeMap<>();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                result.put(
                        name.substring(SYSTEM_PROPERTY_PREFIX.length()), system.getProperty(name));
            }
        }
        return result;
    }

    private static Map<String, String> readResource(String resource) {
        try (InputStream in =
                LayeredSettings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Defaults resource '" + resource + "' not found");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return toMap(properties);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read defaults resource '" + resource + "'", e);
        }
    }

    private static Map<String, String> readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return toMap(properties);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read settings file " + file, e);
        }
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> result = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            result.put(name, properties.getProperty(name));
        }
        return result;
    }
}
