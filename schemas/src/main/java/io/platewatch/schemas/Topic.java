package io.platewatch.schemas;

import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Every Kafka topic of PlateWatch, declared once: its name, partition count, broker-side
 * configuration and the Avro schema of its values. The launcher creates these idempotently and jobs
 * take their names from here, so a topic is never spelled twice.
 *
 * <p>Retention on the topics is short on purpose: Kafka is the transport, not the store. Reads kept
 * for investigation live in the retention store, where each row carries its own TTL.
 */
public enum Topic {
    PLATE_READS("platewatch.plate-reads.v1", 6, PlateRead.getClassSchema(), deleteAfter(7)),
    VEHICLE_FLAGS("platewatch.vehicle-flags.v1", 6, VehicleFlag.getClassSchema(), compacted()),
    INCIDENTS("platewatch.incidents.v1", 3, Incident.getClassSchema(), deleteAfter(30)),
    ALERTS("platewatch.alerts.v1", 6, Alert.getClassSchema(), deleteAfter(30)),
    EVIDENCE_LINKS(
            "platewatch.evidence-links.v1", 3, EvidenceLink.getClassSchema(), deleteAfter(30)),
    HOTSPOT_CELLS("platewatch.hotspot-cells.v1", 3, HotspotCell.getClassSchema(), deleteAfter(7)),
    AUDIT_EVENTS("platewatch.audit-events.v1", 3, AuditEvent.getClassSchema(), deleteAfter(30)),
    DEAD_LETTERS("platewatch.dead-letters.v1", 3, DeadLetter.getClassSchema(), deleteAfter(7));

    private final String topicName;
    private final int partitions;
    private final Schema valueSchema;
    private final Map<String, String> config;

    Topic(String topicName, int partitions, Schema valueSchema, Map<String, String> config) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.valueSchema = valueSchema;
        this.config = config;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    /** Partitions to create; the unit of parallelism of every consumer. */
    public int partitions() {
        return partitions;
    }

    /** Schema of record values on this topic. */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** Registry subject of the value schema, by the Confluent TopicNameStrategy. */
    public String valueSubject() {
        return topicName + "-value";
    }

    /** Broker-side topic configuration (cleanup policy, retention). */
    public Map<String, String> config() {
        return config;
    }

    private static Map<String, String> deleteAfter(int days) {
        return Map.of(
                "cleanup.policy",
                "delete",
                "retention.ms",
                Long.toString(Duration.ofDays(days).toMillis()));
    }

    /** The latest flag event per flag id is its state, so the flag topic is compacted. */
    private static Map<String, String> compacted() {
        return Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000");
    }
}
