package io.platewatch.infra.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PlateWatch servers of one state folder, brought up in dependency order and down in reverse.
 *
 * <p>{@code up} is idempotent: a server whose recorded process still runs is reused (it must still
 * answer) and provisioned again. When any server fails to come up, every server this call started
 * is stopped again before the error is thrown, so a failed {@code up} leaves nothing behind that it
 * created; servers that were already running before the call are left alone.
 */
public final class LocalStack {

    private final StackConfig config;
    private final StackListener listener;
    private final Map<ServiceKind, ManagedServer> servers = new EnumMap<>(ServiceKind.class);

    public LocalStack(StackConfig config, StackListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public StackConfig config() {
        return config;
    }

    /** The server object of one service; creating it starts nothing. */
    public synchronized ManagedServer server(ServiceKind kind) {
        return servers.computeIfAbsent(kind, k -> k.create(config));
    }

    /** The server object of one service, as its concrete class. */
    public <T extends ManagedServer> T server(ServiceKind kind, Class<T> type) {
        return type.cast(server(kind));
    }

    /** Brings up the services of the configuration. */
    public void up() {
        up(config.services());
    }

    /** Brings up the given services, in start order, and provisions each. */
    public synchronized void up(Collection<ServiceKind> kinds) {
        List<ManagedServer> startedNow = new ArrayList<>();
        try {
            for (ServiceKind kind : inStartOrder(kinds)) {
                ManagedServer server = server(kind);
                if (server.isRunning()) {
                    server.status()
                            .pid()
                            .ifPresent(pid -> listener.alreadyRunning(kind.serviceName(), pid));
                } else {
                    server.start(listener);
                    startedNow.add(server);
                }
                server.awaitReady(listener);
                server.provision(listener);
            }
        } catch (RuntimeException failure) {
            Collections.reverse(startedNow);
            stopEach(startedNow, failure);
            throw failure;
        }
    }

    /**
     * Stops every server that has a live process recorded in the state folder, whoever started it,
     * in reverse start order.
     */
    public synchronized void down() {
        List<ManagedServer> all = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            all.add(server(kind));
        }
        Collections.reverse(all);
        RuntimeException failure = null;
        for (ManagedServer server : all) {
            try {
                server.stop(listener);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** True when any service has a live process recorded; probes nothing. */
    public boolean anyRunning() {
        for (ServiceKind kind : ServiceKind.values()) {
            if (server(kind).isRunning()) {
                return true;
            }
        }
        return false;
    }

    /** The configured services plus any other service that has a live process. */
    public List<ServerStatus> status() {
        Set<ServiceKind> shown = new LinkedHashSet<>(config.services());
        for (ServiceKind kind : ServiceKind.values()) {
            if (server(kind).isRunning()) {
                shown.add(kind);
            }
        }
        return inStartOrder(shown).stream().map(kind -> server(kind).status()).toList();
    }

    private void stopEach(List<ManagedServer> toStop, RuntimeException failure) {
        for (ManagedServer server : toStop) {
            try {
                server.stop(listener);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static List<ServiceKind> inStartOrder(Collection<ServiceKind> kinds) {
        return kinds.stream().distinct().sorted().toList();
    }
}
