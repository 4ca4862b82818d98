package io.platewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LookAlikeFoldingTest {

    private final LookAlikeFolding folding = LookAlikeFolding.parse("0ODQ,1IL,2Z,5S,8B,6G");

    @Test
    void defaultTableFoldsEveryClassOntoItsFirstCharacter() {
        assertThat(folding.matchKey("ODQ0")).isEqualTo("0000");
        assertThat(folding.matchKey("IL1")).isEqualTo("111");
        assertThat(folding.matchKey("ZSBG")).isEqualTo("2586");
        assertThat(folding.matchKey("ACE")).isEqualTo("ACE");
    }

    @Test
    void misreadPlateSharesTheFlagsMatchKey() {
        assertThat(folding.matchKey("B0B123")).isEqualTo(folding.matchKey("8OB1Z3"));
    }

    @Test
    void countsPositionsThatDifferOnlyByFolding() {
        assertThat(folding.foldedDifferences("ABC123", "ABC123")).isZero();
        assertThat(folding.foldedDifferences("AB0123", "ABO123")).isEqualTo(1);
        assertThat(folding.foldedDifferences("8OB1Z3", "B0B123")).isEqualTo(3);
    }

    @Test
    void plateThatDiffersByANonLookAlikeCharacterIsNotFoldedEqual() {
        assertThat(folding.foldedDifferences("ABC123", "ABC124")).isEqualTo(-1);
        assertThat(folding.foldedDifferences("ABC123", "ABC1234")).isEqualTo(-1);
    }

    @Test
    void wildcardsFoldToThemselves() {
        assertThat(folding.matchKey("AB?*0")).isEqualTo("A8?*0");
    }

    @Test
    void customTableReplacesTheDefault() {
        LookAlikeFolding custom = LookAlikeFolding.parse("0O");
        assertThat(custom.matchKey("O1I")).isEqualTo("01I");
    }

    @Test
    void characterInTwoClassesIsAConfigurationError() {
        assertThatThrownBy(() -> LookAlikeFolding.parse("0O,OQ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one");
        assertThatThrownBy(() -> LookAlikeFolding.parse("0")).hasMessageContaining("at least two");
        assertThatThrownBy(() -> LookAlikeFolding.parse("0-"))
                .hasMessageContaining("letters and digits");
    }
}
