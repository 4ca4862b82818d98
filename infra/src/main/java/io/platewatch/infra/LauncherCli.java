package io.platewatch.infra;

import io.platewatch.infra.elasticsearch.HotspotRetentionCommand;
import io.platewatch.infra.stack.ServerStartException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Command line of the local stack: {@code up} starts the PlateWatch servers in the background and
 * returns once they answer, {@code status} shows them, {@code down} stops them. All state (data,
 * logs, pids) lives in one folder, {@code .platewatch/} by default.
 */
@Command(
        name = "platewatch",
        mixinStandardHelpOptions = true,
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            HotspotRetentionCommand.class
        },
        description = "Runs the PlateWatch servers (Kafka, schema registry) on this machine.")
public final class LauncherCli implements Runnable {

    /** Exit code of a failed {@code up} or {@code down}. */
    static final int EXIT_FAILED = 1;

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: up, down or status");
    }

    public static void main(String[] args) {
        // Must be set before the first logger exists; the jar's dependents keep their own config.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty(
                    "log4j2.configurationFile", "io/platewatch/infra/log4j2-launcher.properties");
        }
        System.exit(commandLine().execute(args));
    }

    /** The CLI with its error handling; tests drive it through this. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LauncherCli());
        cli.setExecutionExceptionHandler(
                (exception, commandLine, parseResult) -> {
                    PrintWriter err = commandLine.getErr();
                    if (exception instanceof ServerStartException) {
                        err.println("up failed: " + exception.getMessage());
                    } else {
                        err.println(
                                commandLine.getCommandName()
                                        + " failed: "
                                        + exception.getClass().getSimpleName()
                                        + ": "
                                        + exception.getMessage());
                    }
                    for (Throwable suppressed : exception.getSuppressed()) {
                        err.println("  also: " + suppressed.getMessage());
                    }
                    err.flush();
                    return EXIT_FAILED;
                });
        return cli;
    }
}
