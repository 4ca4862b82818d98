package io.platewatch.infra.stack;

import io.platewatch.infra.cassandra.CassandraServer;
import io.platewatch.infra.elasticsearch.ElasticsearchServer;
import io.platewatch.infra.kafka.KafkaServer;
import io.platewatch.infra.registry.RegistryServer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The servers the stack knows how to run, declared in start order: a service may rely on every
 * service declared before it being up. New servers are added here, each with its own class.
 */
public enum ServiceKind {
    KAFKA("kafka", KafkaServer::new),
    REGISTRY("registry", RegistryServer::new),
    CASSANDRA("cassandra", CassandraServer::new),
    ELASTICSEARCH("elasticsearch", ElasticsearchServer::new);

    private final String serviceName;
    private final Function<StackConfig, ManagedServer> factory;

    ServiceKind(String serviceName, Function<StackConfig, ManagedServer> factory) {
        this.serviceName = serviceName;
        this.factory = factory;
    }

    /** The name used on the command line, in properties keys and as the state sub-folder. */
    public String serviceName() {
        return serviceName;
    }

    /** A server object for this service; creating one starts nothing. */
    public ManagedServer create(StackConfig config) {
        return factory.apply(config);
    }

    /** The service with this name, ignoring case. */
    public static ServiceKind byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.serviceName.equals(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown service '"
                                                + name
                                                + "', known: "
                                                + Arrays.stream(values())
                                                        .map(ServiceKind::serviceName)
                                                        .collect(Collectors.joining(", "))));
    }

    /** A comma-separated list of names, de-duplicated and sorted into start order. */
    public static List<ServiceKind> parse(String names) {
        return Arrays.stream(names.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(ServiceKind::byName)
                .distinct()
                .sorted()
                .toList();
    }
}
