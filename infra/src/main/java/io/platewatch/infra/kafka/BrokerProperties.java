package io.platewatch.infra.kafka;

import io.platewatch.infra.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server.properties of the local broker: one node that is both broker and KRaft controller on
 * loopback, so every replication factor and min.insync.replicas is 1.
 */
final class BrokerProperties {

    /**
     * Flink's KafkaSink asks for a one-hour transaction timeout by default; the broker's default
     * ceiling of 15 minutes would make every exactly-once job fail at its first checkpoint.
     */
    static final Duration MAX_TRANSACTION_TIMEOUT = Duration.ofHours(1);

    private BrokerProperties() {}

    /** The broker settings; {@code overrides} win over every default. */
    static Map<String, String> of(
            int clientPort, int controllerPort, Path logDir, Map<String, String> overrides) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + Ports.HOST + ":" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://"
                        + Ports.HOST
                        + ":"
                        + clientPort
                        + ",CONTROLLER://"
                        + Ports.HOST
                        + ":"
                        + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + Ports.HOST + ":" + clientPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());

        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("transaction.max.timeout.ms", Long.toString(MAX_TRANSACTION_TIMEOUT.toMillis()));

        // A consumer group in a test should not wait 3 s for more members that never come.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics exist because the catalogue declares them; a misspelt name must fail, not appear.
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        // Small internal topics start faster on a 2-core machine than the default 50 partitions.
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.num.partitions", "3");

        props.putAll(overrides);
        return props;
    }
}
