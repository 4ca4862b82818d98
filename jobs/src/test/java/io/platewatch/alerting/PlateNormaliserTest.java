package io.platewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNormaliserTest {

    private final PlateNormaliser normaliser = new PlateNormaliser(10, 3);

    @ParameterizedTest
    @CsvSource({
        "abc123, ABC123",
        "'AB-123', AB123",
        "'ab 12.3', AB123",
        "'\uFF21\uFF22\uFF23\uFF11\uFF12\uFF13', ABC123", // full-width letters and digits
        "'AB\u00A0123', AB123", // no-break space
        "'AB\u2010123', AB123", // Unicode hyphen
        "'AB\u2013123', AB123", // en dash
    })
    void normalisesToUpperCaseAsciiWithoutSeparators(String raw, String expected) {
        PlateNormaliser.Result result = normaliser.normalise(raw);
        assertThat(result.isValid()).isTrue();
        assertThat(result.plate()).isEqualTo(expected);
    }

    @Test
    void rejectsEmptyTextWithReason() {
        assertThat(normaliser.normalise(" - . ").rejection()).contains("empty");
        assertThat(normaliser.normalise(null).isValid()).isFalse();
    }

    @Test
    void rejectsPlatesLongerThanMaximumWithoutQuotingThem() {
        PlateNormaliser.Result result = normaliser.normalise("ABCDEFGHJK1");
        assertThat(result.isValid()).isFalse();
        assertThat(result.rejection()).contains("11 characters").doesNotContain("ABCDEFGHJK1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ÄB123", "AB_123", "AB/123", "straße", "ıİ12", "AB?12"})
    void rejectsCharactersThatAreNotAsciiLettersOrDigits(String raw) {
        PlateNormaliser.Result result = normaliser.normalise(raw);
        assertThat(result.isValid()).isFalse();
        assertThat(result.rejection()).contains("not an ASCII letter or digit");
        assertThat(result.rejection()).doesNotContain(raw);
    }

    @Test
    void patternsKeepWildcardsAndCollapseStarRuns() {
        assertThat(normaliser.normalisePattern("ab?-1**3").plate()).isEqualTo("AB?1*3");
    }

    @Test
    void patternsNeedEnoughKnownCharacters() {
        assertThat(normaliser.normalisePattern("A*").rejection()).contains("1 known characters");
        assertThat(normaliser.normalisePattern("*").isValid()).isFalse();
        assertThat(normaliser.normalisePattern("AB?*1").isValid()).isTrue();
    }

    @Test
    void regionsAreTrimmedUpperCaseAndBlankMeansUnknown() {
        assertThat(PlateNormaliser.normaliseRegion(" nz ")).isEqualTo("NZ");
        assertThat(PlateNormaliser.normaliseRegion("  ")).isNull();
        assertThat(PlateNormaliser.normaliseRegion(null)).isNull();
    }
}
