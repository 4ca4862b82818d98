package io.platewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardPatternTest {

    @ParameterizedTest
    @CsvSource({
        "AB?123, AB1123, true",
        "AB?123, AB123, false",
        "AB*, AB, true",
        "AB*, ABXYZ, true",
        "*123, XY123, true",
        "*123, XY1234, false",
        "A*C*E, ABCDE, true",
        "A*C*E, ABCDF, false",
        "??C, ABC, true",
        "??C, AC, false",
        "A*?C, AXC, true",
        "A*?C, AC, false",
    })
    void matchesGlobPatterns(String pattern, String plate, boolean expected) {
        assertThat(WildcardPattern.matches(pattern, plate)).isEqualTo(expected);
    }
}
