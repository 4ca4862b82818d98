package io.platewatch.hotlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.VehicleFlag;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagRowMapperTest {
    private static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");

    private static FlagRowMapper mapper(String regionPrefix, boolean monthFirst) {
        return new FlagRowMapper(
                new ImportDefaults(
                        "org-default",
                        "importer",
                        "Default justification",
                        null,
                        null,
                        null,
                        regionPrefix,
                        monthFirst),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<HotlistColumn, String> row(String plate, String region, String reason) {
        Map<HotlistColumn, String> row = new EnumMap<>(HotlistColumn.class);
        row.put(HotlistColumn.PLATE, plate);
        row.put(HotlistColumn.REGION, region);
        row.put(HotlistColumn.REASON, reason);
        return row;
    }

    @ParameterizedTest
    @CsvSource({
        "Licence Plate, PLATE",
        "license-plate, PLATE",
        "VRM, PLATE",
        "rego, PLATE",
        "Plate State, REGION",
        "Jurisdiction, REGION",
        "Expiry Date, EXPIRY",
        "Sharing Scope, SHARING",
        "Legal Basis, JUSTIFICATION",
        "\uFEFFplate, PLATE"
    })
    void vendorHeaderNamesFindTheirColumn(String header, HotlistColumn column) {
        assertThat(HotlistColumn.forHeader(header)).hasValue(column);
    }

    @Test
    void unknownHeadersFindNoColumn() {
        assertThat(HotlistColumn.forHeader("Internal Ref")).isEqualTo(Optional.empty());
    }

    @Test
    void aRowWithOnlyPlateAndReasonTakesTheDefaults() {
        VehicleFlag flag = mapper(null, false).map(row("zkt 481", null, " Stolen "));

        assertThat(flag.getPlate()).isEqualTo("ZKT481");
        assertThat(flag.getRegion()).isNull();
        assertThat(flag.getReason()).isEqualTo("Stolen");
        assertThat(flag.getOwnerOrganisationId()).isEqualTo("org-default");
        assertThat(flag.getCategory()).isEqualTo(FlagCategory.OTHER);
        assertThat(flag.getPriority()).isEqualTo(Priority.MEDIUM);
        assertThat(flag.getSharing().getLevel()).isEqualTo(SharingLevel.OWNER_ONLY);
        assertThat(flag.getValidFrom()).isEqualTo(NOW);
        assertThat(flag.getExpiresAt()).isNull();
        assertThat(flag.getAction()).isEqualTo(FlagAction.ADD);
        assertThat(flag.getJustification()).isEqualTo("Default justification");
        assertThat(flag.getCreatedBy()).isEqualTo("importer");
    }

    @Test
    void flagIdDependsOnOwnerPlateAndRegionOnly() {
        VehicleFlag first = mapper(null, false).map(row("ZKT481", "nz", "one reason"));
        VehicleFlag again = mapper(null, false).map(row("zkt-481", "NZ", "another reason"));
        VehicleFlag elsewhere = mapper(null, false).map(row("ZKT481", "AU-NSW", "one reason"));

        assertThat(again.getFlagId()).isEqualTo(first.getFlagId());
        assertThat(elsewhere.getFlagId()).isNotEqualTo(first.getFlagId());
        assertThat(first.getFlagId()).isEqualTo(FlagIds.of("org-default", "ZKT481", "NZ"));
    }

    @Test
    void bareStateCodesTakeTheRegionPrefix() {
        assertThat(mapper("US", false).region("ca")).isEqualTo("US-CA");
        assertThat(mapper("US", false).region("US")).isEqualTo("US");
        assertThat(mapper(null, false).region("us-ca")).isEqualTo("US-CA");
    }

    @Test
    void slashedDatesAreDayFirstUnlessMonthFirstAndExpiriesRunToTheEndOfTheDay() {
        assertThat(mapper(null, false).date("02/03/2027", "expiry", true))
                .isEqualTo(Instant.parse("2027-03-02T23:59:59.999Z"));
        assertThat(mapper(null, true).date("02/03/2027", "expiry", true))
                .isEqualTo(Instant.parse("2027-02-03T23:59:59.999Z"));
        assertThat(mapper(null, false).date("2027-03-02T10:00:00+13:00", "expiry", true))
                .isEqualTo(Instant.parse("2027-03-01T21:00:00Z"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PLATE|''|plate is empty",
                "PLATE|Z!K4|plate must be 1 to 12",
                "PLATE|???|plate must hold at least one letter or digit",
                "REGION|New Zealand|region must be an ISO 3166 code",
                "CATEGORY|joyride|category must be one of",
                "REASON|''|reason is empty",
                "EXPIRY|01/01/2020|expiry is in the past",
                "EXPIRY|next week|expiry must be a date",
                "SHARING|everyone|sharing must be",
                "SHARING|groups|sharing_groups needs at least one group",
                "PRIORITY|urgent|priority must be",
                "COVERT|maybe|covert must be yes or no"
            })
    void rowsBreakingARuleAreRejectedWithoutThePlate(
            HotlistColumn column, String value, String reason) {
        Map<HotlistColumn, String> row = row("ZKT481", "NZ", "Reported stolen");
        row.put(column, value);

        RowRejected rejected =
                catchThrowableOfType(RowRejected.class, () -> mapper(null, false).map(row));

        assertThat(rejected).isNotNull();
        assertThat(rejected.getMessage()).startsWith(reason).doesNotContain("ZKT481");
    }

    @Test
    void rowsWithoutOwnerOrJustificationAndNoDefaultAreRejected() {
        FlagRowMapper noDefaults =
                new FlagRowMapper(
                        new ImportDefaults(null, null, null, null, null, null, null, false),
                        Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(
                        catchThrowableOfType(
                                RowRejected.class, () -> noDefaults.map(row("A1", null, "r"))))
                .hasMessageContaining("owner");
        Map<HotlistColumn, String> owned = row("A1", null, "r");
        owned.put(HotlistColumn.OWNER, "org-x");
        assertThat(catchThrowableOfType(RowRejected.class, () -> noDefaults.map(owned)))
                .hasMessageContaining("justification");
    }
}
