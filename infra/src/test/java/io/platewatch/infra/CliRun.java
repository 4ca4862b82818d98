package io.platewatch.infra;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One invocation of the launcher CLI in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(List<String> common, String command, String... more) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(common);
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LauncherCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }
}
