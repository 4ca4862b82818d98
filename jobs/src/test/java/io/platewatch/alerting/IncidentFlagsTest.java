package io.platewatch.alerting;

import static io.platewatch.alerting.TestData.T0;
import static io.platewatch.alerting.TestData.incident;
import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.VehicleFlag;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentFlagsTest {

    private OneInputStreamOperatorTestHarness<Incident, VehicleFlag> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new IncidentFlags(TestData.config(), Clock.systemUTC())));
        harness.setup(TestData.avroSerializer(VehicleFlag.class));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eachNamedVehicleBecomesAnIncidentLinkedFlag() throws Exception {
        Incident incident =
                incident(
                                "inc-1",
                                T0,
                                new IncidentVehicle("abc 123", "nz"),
                                new IncidentVehicle("XYZ789", null))
                        .build();
        harness.processElement(new StreamRecord<>(incident, 0));

        List<VehicleFlag> flags = harness.extractOutputValues();
        assertThat(flags).hasSize(2);
        VehicleFlag first = flags.get(0);
        assertThat(first.getFlagId()).isEqualTo(AlertIds.incidentFlagId("inc-1", "ABC123", "NZ"));
        assertThat(first.getPlate()).isEqualTo("ABC123");
        assertThat(first.getRegion()).isEqualTo("NZ");
        assertThat(first.getCategory()).isEqualTo(FlagCategory.INCIDENT_LINKED);
        assertThat(first.getIncidentId()).isEqualTo("inc-1");
        assertThat(first.getOwnerOrganisationId()).isEqualTo("org-fuel");
        assertThat(first.getSharing().getLevel()).isEqualTo(SharingLevel.SHARING_GROUPS);
        assertThat(first.getSharing().getGroups()).containsExactly("fuel-retail");
        assertThat(first.getValidFrom()).isEqualTo(T0);
        assertThat(first.getExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(first.getReason()).doesNotContain("ABC");
        assertThat(flags.get(1).getRegion()).isNull();
    }

    @Test
    void sameIncidentSentTwiceYieldsTheSameFlagIds() throws Exception {
        Incident incident = incident("inc-1", T0, new IncidentVehicle("ABC-123", "NZ")).build();
        harness.processElement(new StreamRecord<>(incident, 0));
        harness.processElement(new StreamRecord<>(incident, 0));

        List<VehicleFlag> flags = harness.extractOutputValues();
        assertThat(flags.get(0).getFlagId()).isEqualTo(flags.get(1).getFlagId());
    }

    @Test
    void vehicleWithInvalidPlateIsDeadLetteredAndTheOthersStillBecomeFlags() throws Exception {
        Incident incident =
                incident(
                                "inc-1",
                                T0,
                                new IncidentVehicle("¿¿", "NZ"),
                                new IncidentVehicle("ABC123", "NZ"))
                        .build();
        harness.processElement(new StreamRecord<>(incident, 0));

        assertThat(harness.extractOutputValues())
                .extracting(VehicleFlag::getPlate)
                .containsExactly("ABC123");
        List<DeadLetter> letters = new ArrayList<>();
        TestData.sideOutput(harness, AlertingDeadLetters.TAG)
                .forEach(r -> letters.add(r.getValue()));
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getErrorKind()).isEqualTo(ErrorKind.INVALID_PLATE);
        assertThat(letters.get(0).getSourceTopic()).isEqualTo(TestData.config().incidentsTopic());
    }
}
