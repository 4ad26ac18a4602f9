package io.basalt.optimizer.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NonReservedWordsTest {

    @Test
    void quotesTheWordAsTheLowerCaseNameItMeans() {
        assertThat(NonReservedWords.quote("SELECT x AS Value FROM t ORDER BY value").text())
                .isEqualTo("SELECT x AS \"value\" FROM t ORDER BY \"value\"");
    }

    @Test
    void leavesStringsQuotedNamesAndCommentsAlone() {
        String text = "SELECT 'value', \"value\" -- value\n/* value */ FROM t";

        assertThat(NonReservedWords.quote(text).text()).isEqualTo(text);
    }

    @Test
    void keepsTheKeywordWhereCalciteNeedsIt() {
        assertThat(NonReservedWords.quote("SELECT NEXT VALUE FOR s").text()).isEqualTo("SELECT NEXT VALUE FOR s");
    }

    @Test
    void mapsPositionsBackToTheOriginalText() {
        NonReservedWords rewritten = NonReservedWords.quote("SELECT value, value, bad\nFROM t");

        // "bad" is at column 22 of the original and 26 of the rewritten line.
        assertThat(rewritten.text().indexOf("bad") + 1).isEqualTo(26);
        assertThat(rewritten.originalColumn(1, 26)).isEqualTo(22);
        assertThat(rewritten.originalColumn(2, 6)).isEqualTo(6);
    }
}
