package io.platewatch.infra.kafka;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.platewatch.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topics as code: makes the broker's topics match the {@link Topic} catalogue. Missing topics are
 * created, existing ones get the declared configuration and, if they have fewer partitions than
 * declared, more partitions. Then it waits until every partition has a leader, because a producer
 * writing to a partition without one fails.
 *
 * <p>A topic with more partitions than declared is reported as an error: Kafka cannot shrink a
 * topic, so only deleting it (or the state folder) brings it back in line.
 */
public final class TopicCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCatalogue.class);

    /** One broker, so one replica. */
    private static final short REPLICATION_FACTOR = 1;

    private final Admin admin;
    private final Duration timeout;

    public TopicCatalogue(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Brings the broker in line with {@code topics}; safe to call any number of times. */
    public void ensure(Collection<Topic> topics) {
        Set<String> existing = await(admin.listTopics().names());
        List<Topic> missing =
                topics.stream().filter(t -> !existing.contains(t.topicName())).toList();
        List<Topic> present =
                topics.stream().filter(t -> existing.contains(t.topicName())).toList();
        create(missing);
        alignPartitions(present);
        alignConfig(present);
        awaitLeaders(topics);
        LOG.info("{} topics in place, {} created now", topics.size(), missing.size());
    }

    private void create(List<Topic> missing) {
        if (missing.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics =
                missing.stream()
                        .map(
                                t ->
                                        new NewTopic(
                                                        t.topicName(),
                                                        t.partitions(),
                                                        REPLICATION_FACTOR)
                                                .configs(t.config()))
                        .toList();
        admin.createTopics(newTopics)
                .values()
                .forEach(
                        (name, future) -> {
                            try {
                                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                            } catch (ExecutionException e) {
                                // Another launcher may have created it in between: that is fine.
                                if (!(e.getCause() instanceof TopicExistsException)) {
                                    throw new IllegalStateException(
                                            "cannot create topic " + name, e.getCause());
                                }
                            } catch (TimeoutException e) {
                                throw new IllegalStateException(
                                        "creating topic " + name + " timed out", e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted", e);
                            }
                        });
    }

    private void alignPartitions(List<Topic> present) {
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions =
                await(admin.describeTopics(names(present)).allTopicNames());
        Map<String, NewPartitions> growth = new HashMap<>();
        for (Topic topic : present) {
            int actual = descriptions.get(topic.topicName()).partitions().size();
            if (actual > topic.partitions()) {
                throw new IllegalStateException(
                        "topic "
                                + topic.topicName()
                                + " has "
                                + actual
                                + " partitions but the catalogue declares "
                                + topic.partitions()
                                + "; Kafka cannot shrink a topic, delete it to start over");
            }
            if (actual < topic.partitions()) {
                growth.put(topic.topicName(), NewPartitions.increaseTo(topic.partitions()));
            }
        }
        if (!growth.isEmpty()) {
            await(admin.createPartitions(growth).all());
        }
    }

    private void alignConfig(List<Topic> present) {
        if (present.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Topic topic : present) {
            List<AlterConfigOp> ops = new ArrayList<>();
            topic.config()
                    .forEach(
                            (key, value) ->
                                    ops.add(
                                            new AlterConfigOp(
                                                    new ConfigEntry(key, value),
                                                    AlterConfigOp.OpType.SET)));
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()), ops);
        }
        await(admin.incrementalAlterConfigs(changes).all());
    }

    private void awaitLeaders(Collection<Topic> topics) {
        RetryPolicy<Boolean> untilLed =
                RetryPolicy.<Boolean>builder()
                        .handleResult(false)
                        .withDelay(Duration.ofMillis(200))
                        .withMaxRetries(-1)
                        .withMaxDuration(timeout)
                        .build();
        if (!Failsafe.with(untilLed).get(() -> everyPartitionLed(topics))) {
            throw new IllegalStateException(
                    "some partitions of the catalogue topics have no leader after "
                            + timeout.toSeconds()
                            + " s");
        }
    }

    private boolean everyPartitionLed(Collection<Topic> topics) {
        Map<String, TopicDescription> descriptions;
        try {
            descriptions =
                    admin.describeTopics(names(topics))
                            .allTopicNames()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Metadata of a just-created topic may not have reached the broker yet.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return topics.stream().allMatch(topic -> isLed(topic, descriptions.get(topic.topicName())));
    }

    private static boolean isLed(Topic topic, TopicDescription description) {
        if (description == null || description.partitions().size() < topic.partitions()) {
            return false;
        }
        return description.partitions().stream().allMatch(TopicCatalogue::hasLeader);
    }

    private static boolean hasLeader(TopicPartitionInfo partition) {
        return partition.leader() != null && !partition.leader().isEmpty();
    }

    private static List<String> names(Collection<Topic> topics) {
        return topics.stream().map(Topic::topicName).toList();
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka admin request timed out after " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
