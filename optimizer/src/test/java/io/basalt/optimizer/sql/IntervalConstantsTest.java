package io.basalt.optimizer.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalConstantsTest {

    @Test
    void postgresqlIntervalConstantsBecomeMarkerCallsOfTheSameLength() {
        assertMarked("SELECT d + interval '1 month' FROM t", "SELECT d + (\"$i\" ('1 month')) FROM t");
        assertMarked("SELECT d - INTERVAL   '3 days'", "SELECT d - (\"$i\"   ('3 days'))");
        assertMarked("SELECT d + interval\n'1 day', 2", "SELECT d + (\"$i\"\n('1 day')), 2");
        assertMarked("SELECT d + '1 year'::interval + 1", "SELECT d + (\"$c\"('1 year'))   + 1");
        assertMarked("SELECT d + '1 year' :: INTERVAL", "SELECT d + (\"$c\"('1 year'))    ");
    }

    @Test
    void leavesCalciteIntervalsOtherCastsStringsAndCommentsAlone() {
        assertUnchanged("SELECT d + INTERVAL '1' MONTH, d - interval '2' day");
        assertUnchanged("SELECT '1 day'::text, 'interval ''x''', \"interval\", t.interval");
        assertUnchanged("SELECT 1 -- interval '1 day'\n/* '1 day'::interval */");
        assertUnchanged("SELECT '1-2'::interval year to month");
    }

    private static void assertMarked(String query, String marked) {
        assertThat(IntervalConstants.mark(query)).isEqualTo(marked).hasSameSizeAs(query);
    }

    private static void assertUnchanged(String query) {
        assertThat(IntervalConstants.mark(query)).isEqualTo(query);
    }
}
