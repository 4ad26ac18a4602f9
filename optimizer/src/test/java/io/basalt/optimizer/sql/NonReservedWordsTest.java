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

    @Test
    void typeNamesAreNamesOnlyWhereNoTypeIsExpected() {
        assertThat(NonReservedWords.quote("SELECT date, t.timestamp AS time FROM t WHERE date > DATE '2024-01-01'").text())
                .isEqualTo("SELECT \"date\", t.\"timestamp\" AS \"time\" FROM t WHERE \"date\" > DATE '2024-01-01'");
        assertThat(NonReservedWords.quote("SELECT CAST(x AS date), (x)::timestamp, y::TIME, CAST(z AS TIMESTAMP(3))").text())
                .isEqualTo("SELECT CAST(x AS date), (x)::timestamp, y::TIME, CAST(z AS TIMESTAMP(3))");
        assertThat(NonReservedWords.quote("SELECT CAST(date AS date) AS date FROM t").text())
                .isEqualTo("SELECT CAST(\"date\" AS date) AS \"date\" FROM t");
        assertThat(NonReservedWords.quote("SELECT ts AT TIME ZONE 'UTC', CAST(x AS TIMESTAMP WITH LOCAL TIME ZONE)").text())
                .isEqualTo("SELECT ts AT TIME ZONE 'UTC', CAST(x AS TIMESTAMP WITH LOCAL TIME ZONE)");
        assertThat(NonReservedWords.quote("SELECT date withdrawal FROM t").text())
                .isEqualTo("SELECT \"date\" withdrawal FROM t");
    }
}
