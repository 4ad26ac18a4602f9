package io.basalt.optimizer.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfixCastsTest {

    @Test
    void castsGoInParenthesesWithTheirOperand() {
        assertGrouped("SELECT a = b::int", "SELECT a = (b::int)");
        assertGrouped("SELECT a + b::int * c", "SELECT a + (b::int) * c");
        assertGrouped("SELECT t.a::bigint, -1::int", "SELECT (t.a::bigint), -(1::int)");
        assertGrouped("SELECT f(x, y)::text, (a + b)::int", "SELECT (f(x, y)::text), ((a + b)::int)");
        assertGrouped("SELECT x::int::text", "SELECT ((x::int)::text)");
        assertGrouped("SELECT 1.5::numeric(3, 1), .5::double precision", "SELECT (1.5::numeric(3, 1)), (.5::double precision)");
        assertGrouped("SELECT 'a b'::varchar || E'x'::text", "SELECT ('a b'::varchar) || (E'x'::text)");
        assertGrouped("SELECT DATE '2024-01-01'::text", "SELECT (DATE '2024-01-01'::text)");
        assertGrouped("SELECT CASE WHEN a THEN 1 END::text", "SELECT (CASE WHEN a THEN 1 END::text)");
        assertGrouped("SELECT count(*)::int AS n FROM t WHERE x IN (1, 2)", "SELECT (count(*)::int) AS n FROM t WHERE x IN (1, 2)");
        assertGrouped("SELECT ?::int, \"Col\"::int", "SELECT (?::int), (\"Col\"::int)");
        assertGrouped("SELECT x FROM t WHERE (y)::int > 1", "SELECT x FROM t WHERE ((y)::int) > 1");
    }

    private static void assertGrouped(String query, String grouped) {
        assertThat(InfixCasts.group(query).text()).isEqualTo(grouped);
    }

    @Test
    void leavesStringsQuotedNamesAndCommentsAlone() {
        String text = "SELECT 'a::int', \"b::c\" -- x::int\n/* y::int */ FROM t";

        assertThat(InfixCasts.group(text).text()).isEqualTo(text);
    }

    @Test
    void mapsPositionsBackToTheOriginalText() {
        InfixCasts grouped = InfixCasts.group("SELECT a::int, b::int, bad\nFROM t WHERE c::int > 1 AND nope");

        // "bad" is at column 24 of the original and 28 of the rewritten line; "nope" at 29 and 31 on line 2.
        assertThat(grouped.text().indexOf("bad") + 1).isEqualTo(28);
        assertThat(grouped.originalColumn(1, 28)).isEqualTo(24);
        assertThat(grouped.text().lines().toList().get(1).indexOf("nope") + 1).isEqualTo(31);
        assertThat(grouped.originalColumn(2, 31)).isEqualTo(29);
        assertThat(grouped.originalColumn(2, 1)).isEqualTo(1);
    }
}
