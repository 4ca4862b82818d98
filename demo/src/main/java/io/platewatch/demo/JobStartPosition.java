package io.platewatch.demo;

import io.platewatch.schemas.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the demo's jobs start reading reads: at the end of the read topic as it is before the run.
 *
 * <p>The jobs start without state on every run, and the simulator sends the same events for the
 * same seed within the same hour. Were the jobs to resume from the offsets the previous run
 * committed, they would first process that run's last reads again: alerts of old reads, and
 * identical reads that fold this run's alerts into the old ones by the cooldown. So before the jobs
 * start, the consumer group's offsets on the read topic are moved to its current end. Flags and
 * incidents are unaffected: the alerting job always reads those from the beginning.
 */
final class JobStartPosition {

    private static final long TIMEOUT_SECONDS = 60;

    private JobStartPosition() {}

    /**
     * Commits the end offsets of every read partition for {@code groupId}, which must have no
     * active member (the jobs are not running yet).
     *
     * @return the number of partitions positioned
     */
    static int readsFromNowOn(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "platewatch-demo-start-position");
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int i = 0; i < Topic.PLATE_READS.partitions(); i++) {
                latest.put(
                        new TopicPartition(Topic.PLATE_READS.topicName(), i), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach(
                            (partition, info) ->
                                    ends.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(groupId, ends)
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ends.size();
        } catch (ExecutionException | TimeoutException e) {
            throw new DemoStartException(
                    "could not set where the jobs start reading (group "
                            + groupId
                            + "): "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoStoppedException();
        }
    }
}
