package io.platewatch.hotlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.gateway.TopicReader;
import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.Topic;
import io.platewatch.schemas.VehicleFlag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The import command end to end, against the flag topic of the real local stack. */
@ExtendWith(LocalStackExtension.class)
class HotlistImportTest {

    private static Path resource(String name) throws Exception {
        return Path.of(HotlistImportTest.class.getResource("/hotlists/" + name).toURI());
    }

    private static int run(StringWriter out, String... args) {
        CommandLine command = new CommandLine(new HotlistImportCommand());
        command.setOut(new PrintWriter(out));
        return command.execute(args);
    }

    private static Map<String, List<VehicleFlag>> flagEvents() {
        return TopicReader.readAll(Topic.VEHICLE_FLAGS.topicName(), VehicleFlag.class).stream()
                .collect(
                        Collectors.groupingBy(
                                ConsumerRecord::key,
                                Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
    }

    @Test
    void importAddsValidRowsReportsRejectsByRowAndReimportUpdates() throws Exception {
        Path report = Files.createTempFile("hotlist-report", ".json");
        StringWriter out = new StringWriter();
        String[] kafka = {
            "--bootstrap-servers", LocalStackExtension.kafkaBootstrapServers(),
            "--registry-url", LocalStackExtension.registryUrl()
        };

        int exit =
                run(
                        out,
                        concat(
                                kafka,
                                "--file",
                                resource("vendor-columns.csv").toString(),
                                "--report",
                                report.toString()));

        assertThat(exit).isEqualTo(1);
        String printed = out.toString();
        assertThat(printed)
                .contains("11 rows: 4 added, 0 updated, 7 rejected, 0 not stored")
                .contains("ignored columns: Internal Ref")
                .contains("row 6 rejected: plate must be 1 to 12")
                .contains("row 7 rejected: expiry is in the past")
                .contains("row 8 rejected: category must be one of")
                .contains("row 9 rejected: same owner, plate and region as row 2; keep one")
                .contains("row 10 rejected: reason is empty")
                .contains("row 11 rejected: region must be an ISO 3166 code")
                .contains("row 12 rejected: sharing_groups needs at least one group")
                .doesNotContain("ZKT481")
                .doesNotContainIgnoringCase("zkt 481");
        assertThat(Files.readString(report)).contains("\"row\" : 6").doesNotContain("ZKT481");

        String stolenId = FlagIds.of("org-fuelco", "ZKT481", "NZ");
        Map<String, List<VehicleFlag>> events = flagEvents();
        VehicleFlag stolen = events.get(stolenId).get(0);
        assertThat(stolen.getAction()).isEqualTo(FlagAction.ADD);
        assertThat(stolen.getCategory()).isEqualTo(FlagCategory.STOLEN);
        assertThat(stolen.getPriority()).isEqualTo(Priority.HIGH);
        assertThat(stolen.getSharing().getLevel()).isEqualTo(SharingLevel.POLICE_ONLY);
        assertThat(stolen.getIncidentId()).isEqualTo("CASE-001");
        assertThat(stolen.getExpiresAt()).isEqualTo(Instant.parse("2099-12-31T23:59:59.999Z"));
        VehicleFlag wanted = events.get(FlagIds.of("org-fuelco", "QWE219", "US-CA")).get(0);
        assertThat(wanted.getSharing().getGroups()).containsExactly("north-shore", "west");
        assertThat(events.get(FlagIds.of("org-fuelco", "ZK*48", "NZ"))).hasSize(1);

        StringWriter again = new StringWriter();
        assertThat(run(again, concat(kafka, "--file", resource("reimport.csv").toString())))
                .isZero();

        assertThat(again.toString()).contains("2 rows: 1 added, 1 updated, 0 rejected");
        List<VehicleFlag> history = flagEvents().get(stolenId);
        assertThat(history)
                .extracting(VehicleFlag::getAction)
                .containsExactly(FlagAction.ADD, FlagAction.UPDATE);
        assertThat(history.get(1).getReason()).isEqualTo("Recovered then stolen again");
    }

    @Test
    void aFileWithoutAPlateColumnIsRefusedAsAWhole() throws Exception {
        Path csv = Files.createTempFile("no-plate", ".csv");
        Files.writeString(csv, "vehicle,reason\nA1,x\n");
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new HotlistImportCommand());
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));

        int exit = command.execute("--dry-run", "--file", csv.toString(), "--owner", "org-x");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("no plate column");
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
