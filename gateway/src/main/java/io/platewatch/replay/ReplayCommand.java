package io.platewatch.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Replays a file of recorded camera messages through a gateway and prints how many were accepted
 * and why the others were not. Exit code 0 when every line was accepted, else 1.
 */
@Command(
        name = "platewatch-replay",
        mixinStandardHelpOptions = true,
        description = "Feeds recorded camera messages (one JSON per line) through the gateway.")
public final class ReplayCommand implements Callable<Integer> {
    private static final int SHOWN_PROBLEMS = 50;

    @Spec CommandSpec spec;

    @Option(names = "--file", required = true, description = "Recorded messages, one per line.")
    Path file;

    @Option(names = "--gateway-url", defaultValue = "http://127.0.0.1:8088")
    URI gatewayUrl;

    @Option(names = "--token", description = "Token for messages of cameras not in --tokens.")
    String token;

    @Option(
            names = "--tokens",
            description = "Properties file: camera id (as the messages name it) = token.")
    Path tokens;

    @Option(names = "--in-flight", defaultValue = "1", description = "Concurrent requests.")
    int inFlight;

    @Option(names = "--retries", defaultValue = "5", description = "Retries per line.")
    int retries;

    @Option(names = "--report", description = "Write the full report as JSON to this file.")
    Path report;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> byCamera = loadTokens();
        Replayer replayer =
                new Replayer(
                        gatewayUrl,
                        camera ->
                                camera != null && byCamera.containsKey(camera)
                                        ? byCamera.get(camera)
                                        : token,
                        inFlight,
                        retries);
        ProgressBarBuilder progress =
                new ProgressBarBuilder()
                        .setTaskName("Replay")
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" KiB", 1024)
                        .setInitialMax(Files.size(file));
        ReplayReport result;
        try (InputStream in = ProgressBar.wrap(Files.newInputStream(file), progress);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                BufferedReader lines = new BufferedReader(reader)) {
            result = replayer.replay(lines);
        }
        print(result);
        if (report != null) {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(report.toFile(), result);
        }
        return result.rejected().isEmpty() && result.failed().isEmpty() ? 0 : 1;
    }

    private Map<String, String> loadTokens() throws Exception {
        Map<String, String> map = new HashMap<>();
        if (tokens != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(tokens)) {
                properties.load(reader);
            }
            properties.forEach((camera, value) -> map.put(camera.toString(), value.toString()));
        }
        return map;
    }

    private void print(ReplayReport result) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%d lines: %d accepted (%d reads), %d rejected, %d failed; by format %s%n",
                result.lines(),
                result.accepted(),
                result.readsAccepted(),
                result.rejected().size(),
                result.failed().size(),
                result.byFormat());
        result.rejected().stream()
                .limit(SHOWN_PROBLEMS)
                .forEach(
                        p ->
                                out.printf(
                                        "line %d rejected%s: %s: %s%n",
                                        p.line(),
                                        p.status() == 0 ? "" : " (" + p.status() + ")",
                                        p.error(),
                                        p.message()));
        result.failed().stream()
                .limit(SHOWN_PROBLEMS)
                .forEach(
                        p ->
                                out.printf(
                                        "line %d failed: %s %s%n",
                                        p.line(), p.error(), p.message()));
        out.flush();
    }
}
