package io.platewatch.infra;

import io.platewatch.infra.stack.LocalStack;
import io.platewatch.infra.stack.ServerStatus;
import io.platewatch.infra.stack.StackConfig;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Starts the configured servers as background processes and returns once every one answers and its
 * topics exist. Servers already running from an earlier {@code up} are reused.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start the servers in the background; return once they answer.")
final class UpCommand implements Callable<Integer> {

    @Mixin StackOptions options;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackConfig config = options.toConfig();
        ConsoleProgress progress = new ConsoleProgress(out);
        progress.line("state folder " + config.stateDir());
        LocalStack stack = new LocalStack(config, progress);
        stack.up();
        progress.line(
                String.format(Locale.ROOT, "stack is up after %.1f s", progress.elapsedSeconds()));
        for (ServerStatus status : stack.status()) {
            out.printf(
                    Locale.ROOT,
                    "  %-9s %s%n",
                    status.name(),
                    stack.server(io.platewatch.infra.stack.ServiceKind.byName(status.name()))
                            .endpoint());
        }
        out.println("Stop with: down (same --state-dir)");
        out.flush();
        return 0;
    }
}
