package io.platewatch.alerting;

import io.platewatch.config.LayeredSettings;
import io.platewatch.schemas.Priority;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the alerting job can be told, as one immutable value. It is built once in {@code main}
 * from {@link LayeredSettings} (class-path defaults in {@code alerting.properties}, then a file,
 * system properties and overrides) and handed to every function, so no function reads the
 * environment itself. Defaults are documented in {@code alerting.properties} only.
 */
public record AlertingConfig(
        String bootstrapServers,
        String registryUrl,
        boolean registryAutoRegister,
        String groupId,
        boolean readsFromEarliest,
        String transactionalIdPrefix,
        boolean evidenceExactlyOnce,
        String readsTopic,
        String flagsTopic,
        String incidentsTopic,
        String alertsTopic,
        String evidenceLinksTopic,
        String deadLettersTopic,
        Duration outOfOrderness,
        Duration idleness,
        int maxPlateLength,
        String lookAlikeClasses,
        int maxFoldDifferences,
        boolean unknownRegionMatchesAny,
        int maxWildcardFlags,
        int minWildcardKnownCharacters,
        Duration readRetention,
        Duration stateTtlBackstop,
        Duration flagExpiryGrace,
        Duration alertCooldown,
        Duration incidentFlagLifetime,
        Priority incidentFlagPriority,
        String stateBackend,
        String checkpointDir,
        Duration checkpointInterval,
        int parallelism,
        Duration networkBufferTimeout)
        implements Serializable {

    /** Class-path resource with the documented defaults. */
    public static final String DEFAULTS_RESOURCE = "alerting.properties";

    public AlertingConfig {
        requirePositive("plate.max-length", maxPlateLength);
        requirePositive("wildcard.max-flags", maxWildcardFlags);
        if (maxFoldDifferences < 0) {
            throw new IllegalArgumentException("match.max-fold-differences must not be negative");
        }
        if (!stateBackend.equals("rocksdb") && !stateBackend.equals("hashmap")) {
            throw new IllegalArgumentException("state.backend must be rocksdb or hashmap");
        }
        if (stateTtlBackstop.compareTo(readRetention) <= 0) {
            throw new IllegalArgumentException(
                    "retention.state-ttl-backstop must be longer than retention.read-window");
        }
        // Fail at startup on a bad look-alike table, not on the first read.
        LookAlikeFolding.parse(lookAlikeClasses);
    }

    /** The defaults from {@code alerting.properties} alone. */
    public static AlertingConfig defaults() {
        return load(null, Map.of());
    }

    /** Defaults, then the file (may be null), system properties and overrides. */
    public static AlertingConfig load(Path file, Map<String, String> overrides) {
        return from(LayeredSettings.load(DEFAULTS_RESOURCE, file, overrides));
    }

    /** Reads every key of the alerting job from the given settings. */
    public static AlertingConfig from(LayeredSettings s) {
        return new AlertingConfig(
                s.string("kafka.bootstrap-servers"),
                s.string("registry.url"),
                s.bool("registry.auto-register"),
                s.string("kafka.group-id"),
                readsStart(s.string("kafka.reads-start")),
                s.string("kafka.transactional-id-prefix"),
                s.bool("evidence.exactly-once"),
                s.string("topic.reads"),
                s.string("topic.flags"),
                s.string("topic.incidents"),
                s.string("topic.alerts"),
                s.string("topic.evidence-links"),
                s.string("topic.dead-letters"),
                s.duration("watermark.out-of-orderness"),
                s.duration("watermark.idleness"),
                s.integer("plate.max-length"),
                s.string("match.look-alike-classes"),
                s.integer("match.max-fold-differences"),
                s.bool("match.unknown-region-matches-any"),
                s.integer("wildcard.max-flags"),
                s.integer("wildcard.min-known-characters"),
                s.duration("retention.read-window"),
                s.duration("retention.state-ttl-backstop"),
                s.duration("flag.expiry-grace"),
                s.duration("alert.cooldown"),
                s.duration("incident.flag-lifetime"),
                Priority.valueOf(s.string("incident.flag-priority")),
                s.string("state.backend"),
                s.string("checkpoint.dir"),
                s.duration("checkpoint.interval"),
                s.integer("parallelism"),
                s.duration("network.buffer-timeout"));
    }

    /** The look-alike table this configuration names. */
    public LookAlikeFolding folding() {
        return LookAlikeFolding.parse(lookAlikeClasses);
    }

    private static boolean readsStart(String value) {
        return switch (value) {
            case "earliest" -> true;
            case "latest" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "kafka.reads-start must be earliest or latest, got '" + value + "'");
        };
    }

    private static void requirePositive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }
}
