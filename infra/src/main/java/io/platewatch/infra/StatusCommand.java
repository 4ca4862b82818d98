package io.platewatch.infra;

import io.platewatch.infra.stack.LocalStack;
import io.platewatch.infra.stack.ServerStatus;
import io.platewatch.infra.stack.ServiceKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lists each server with its pid, ports and whether it answers. Exits with 0 when every listed
 * server answers and with {@value #EXIT_NOT_ALL_ANSWERING} otherwise, so scripts can wait on it.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show each server, its pid and ports, and whether it answers.")
final class StatusCommand implements Callable<Integer> {

    static final int EXIT_NOT_ALL_ANSWERING = 3;

    @Mixin StackOptions options;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalStack stack =
                new LocalStack(options.toConfig(), io.platewatch.infra.stack.StackListener.NONE);
        List<ServerStatus> statuses = stack.status();
        out.printf(
                Locale.ROOT,
                "%-9s %-8s %-30s %-13s %s%n",
                "SERVER",
                "PID",
                "PORTS",
                "STATE",
                "ENDPOINT");
        for (ServerStatus status : statuses) {
            out.printf(
                    Locale.ROOT,
                    "%-9s %-8s %-30s %-13s %s%n",
                    status.name(),
                    status.pid().isPresent() ? Long.toString(status.pid().getAsLong()) : "-",
                    status.ports().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .sorted()
                            .collect(Collectors.joining(",")),
                    status.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    status.state() == ServerStatus.State.ANSWERING
                            ? stack.server(ServiceKind.byName(status.name())).endpoint()
                            : "");
        }
        out.flush();
        boolean allAnswering =
                statuses.stream().allMatch(s -> s.state() == ServerStatus.State.ANSWERING);
        return allAnswering ? 0 : EXIT_NOT_ALL_ANSWERING;
    }
}
