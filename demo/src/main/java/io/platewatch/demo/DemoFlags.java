package io.platewatch.demo;

import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.Topic;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.serde.ConfluentAvroSerializer;
import io.platewatch.serde.SerdeConfig;
import io.platewatch.simulator.Site;
import io.platewatch.simulator.Vehicle;
import io.platewatch.simulator.VehiclePopulation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The hotlist of the demo: flags on vehicles of the simulated population, so alerts appear within
 * seconds instead of waiting for the first simulated incident. Every offender is flagged (stolen or
 * of police interest, alternately), and so are regulars of the sites (banned from their site,
 * stolen, or of police interest, in turn), since regulars come back often. Same seed, same flags
 * with the same ids: a second run updates them instead of adding more.
 *
 * <p>Flags are valid from well before the simulated period, so the simulated reads, all captured in
 * the past, raise live alerts rather than historical ones.
 */
final class DemoFlags {

    private static final List<FlagCategory> REGULAR_CATEGORIES =
            List.of(
                    FlagCategory.BANNED_FROM_SITE,
                    FlagCategory.STOLEN,
                    FlagCategory.POLICE_INTEREST);

    private static final String POLICE = "org-police";

    private DemoFlags() {}

    /** The flags for this population and these sites. */
    static List<VehicleFlag> flags(
            long seed,
            VehiclePopulation population,
            List<Site> sites,
            int flaggedRegulars,
            Instant validFrom,
            Instant now) {
        List<VehicleFlag> flags = new ArrayList<>();
        List<Integer> offenders = population.offenders();
        for (int i = 0; i < offenders.size(); i++) {
            int index = offenders.get(i);
            boolean stolen = i % 2 == 0;
            flags.add(
                    flag(seed, index, population.get(index))
                            .setCategory(
                                    stolen ? FlagCategory.STOLEN : FlagCategory.POLICE_INTEREST)
                            .setOwnerOrganisationId(POLICE)
                            .setPriority(Priority.HIGH)
                            .setSharing(
                                    scope(
                                            stolen
                                                    ? SharingLevel.ALL_PARTNERS
                                                    : SharingLevel.POLICE_ONLY))
                            .setValidFrom(validFrom)
                            .setUpdatedAt(now)
                            .build());
        }
        Map<Integer, Integer> regulars = regulars(population, sites.size(), flaggedRegulars);
        int n = 0;
        for (Map.Entry<Integer, Integer> regular : regulars.entrySet()) {
            FlagCategory category = REGULAR_CATEGORIES.get(n++ % REGULAR_CATEGORIES.size());
            boolean banned = category == FlagCategory.BANNED_FROM_SITE;
            flags.add(
                    flag(seed, regular.getKey(), population.get(regular.getKey()))
                            .setCategory(category)
                            .setOwnerOrganisationId(
                                    banned
                                            ? sites.get(regular.getValue()).organisationId()
                                            : POLICE)
                            .setPriority(banned ? Priority.MEDIUM : Priority.HIGH)
                            .setSharing(
                                    banned
                                            ? new SharingScope(
                                                    SharingLevel.SHARING_GROUPS,
                                                    List.of("site-security"))
                                            : scope(
                                                    category == FlagCategory.STOLEN
                                                            ? SharingLevel.ALL_PARTNERS
                                                            : SharingLevel.POLICE_ONLY))
                            .setValidFrom(validFrom)
                            .setUpdatedAt(now)
                            .build());
        }
        return flags;
    }

    /**
     * Writes the flags to the flag topic, keyed by flag id, and waits for every acknowledgement.
     *
     * @return the number of flags written
     */
    static int publish(String bootstrapServers, String registryUrl, List<VehicleFlag> flags) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "platewatch-demo-flags");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        ConfluentAvroSerializer<VehicleFlag> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, VehicleFlag> producer =
                new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (VehicleFlag flag : flags) {
                acks.add(
                        producer.send(
                                new ProducerRecord<>(
                                        Topic.VEHICLE_FLAGS.topicName(), flag.getFlagId(), flag)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new DemoStartException("the demo flags could not be written to Kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoStoppedException();
        }
        return flags.size();
    }

    /**
     * Up to {@code count} regulars, taken from the sites in turn (the first regular of each site
     * not already chosen and not an offender), as vehicle index to site index.
     */
    static Map<Integer, Integer> regulars(VehiclePopulation population, int sites, int count) {
        Set<Integer> offenders = new LinkedHashSet<>(population.offenders());
        Map<Integer, Integer> chosen = new java.util.LinkedHashMap<>();
        int[] next = new int[sites];
        boolean progress = true;
        while (chosen.size() < count && progress) {
            progress = false;
            for (int site = 0; site < sites && chosen.size() < count; site++) {
                List<Integer> regulars = population.regularsOf(site);
                while (next[site] < regulars.size()) {
                    int vehicle = regulars.get(next[site]++);
                    if (!offenders.contains(vehicle) && !chosen.containsKey(vehicle)) {
                        chosen.put(vehicle, site);
                        progress = true;
                        break;
                    }
                }
            }
        }
        return chosen;
    }

    private static VehicleFlag.Builder flag(long seed, int index, Vehicle vehicle) {
        return VehicleFlag.newBuilder()
                .setFlagId("demo-flag-" + seed + "-" + index)
                .setAction(FlagAction.ADD)
                .setPlate(vehicle.plate())
                .setRegion(vehicle.region())
                .setReason("simulated vehicle of interest")
                .setIncidentId(null)
                .setExpiresAt(null)
                .setCovert(false)
                .setCreatedBy("platewatch-demo")
                .setJustification("demo data: simulated vehicles only");
    }

    private static SharingScope scope(SharingLevel level) {
        return new SharingScope(level, List.of());
    }
}
