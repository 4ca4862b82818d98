package io.platewatch.infra;

import io.platewatch.infra.stack.LocalStack;
import io.platewatch.infra.stack.StackConfig;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Stops every server recorded in the state folder, the last started first. Data is kept. */
@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stop the servers started by up (data is kept).")
final class DownCommand implements Callable<Integer> {

    @Mixin StackOptions options;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackConfig config = options.toConfig();
        ConsoleProgress progress = new ConsoleProgress(out);
        LocalStack stack = new LocalStack(config, progress);
        boolean anyRunning = stack.anyRunning();
        stack.down();
        progress.line(
                anyRunning
                        ? String.format(
                                Locale.ROOT,
                                "stack is down after %.1f s",
                                progress.elapsedSeconds())
                        : "nothing was running in " + config.stateDir());
        return 0;
    }
}
