package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Filter estimates from column statistics (TPC-H scale factor 1 ranges and distinct counts). */
class SelectivityTest {

    private static final double LINEITEM = 6_001_215.0;

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
    }

    private static double rows(String query) {
        return new QueryPlanner(TpchStatistics.SF1).plan(query, catalog, PlannerOptions.DEFAULTS).plan().estimatedRows();
    }

    @Test
    void equalityKeepsOneDistinctValuesShare() {
        assertThat(rows("SELECT l_orderkey FROM lineitem WHERE l_returnflag = 'R'")).isCloseTo(LINEITEM / 3, within(1.0));
        assertThat(rows("SELECT l_orderkey FROM lineitem WHERE l_returnflag <> 'R'")).isCloseTo(LINEITEM * 2 / 3, within(1.0));
    }

    @Test
    void aConstantOutsideTheRangeKeepsAlmostNothing() {
        assertThat(rows("SELECT l_orderkey FROM lineitem WHERE l_quantity = 75")).isLessThanOrEqualTo(1.0);
    }

    @Test
    void rangesKeepTheShareOfMinToMaxTheyCover() {
        // 1998-09-02 is 2435 of 2525 days into [1992-01-02, 1998-12-01].
        assertThat(rows("SELECT l_orderkey FROM lineitem WHERE l_shipdate <= date '1998-09-02'"))
                .isCloseTo(LINEITEM * 2435 / 2525, within(LINEITEM * 0.001));
        assertThat(rows("SELECT l_orderkey FROM lineitem WHERE l_quantity BETWEEN 1 AND 10.8"))
                .isCloseTo(LINEITEM * 9.8 / 49, within(LINEITEM * 0.001));
    }

    @Test
    void inListsKeepOneShareAValue() {
        assertThat(rows("SELECT l_orderkey FROM lineitem WHERE l_shipmode IN ('MAIL', 'SHIP')"))
                .isCloseTo(LINEITEM * 2 / 7, within(1.0));
        assertThat(rows("SELECT n_name FROM nation WHERE n_name IN ('FRANCE', 'GERMANY')")).isCloseTo(2.0, within(0.01));
    }

    @Test
    void orBranchesAddUp() {
        assertThat(rows("SELECT l_orderkey FROM lineitem WHERE l_returnflag = 'R' OR l_linestatus = 'F'"))
                .isCloseTo(LINEITEM * (1.0 / 3 + 1.0 / 2 - 1.0 / 6), within(1.0));
    }

    @Test
    void likeWithAPrefixIsARange() {
        double prefix = rows("SELECT p_partkey FROM part WHERE p_type LIKE 'PROMO%'");
        assertThat(prefix).isGreaterThan(1_000.0).isLessThan(200_000.0 * 0.5);
        assertThat(rows("SELECT p_partkey FROM part WHERE p_name LIKE '%green%'")).isCloseTo(20_000.0, within(1.0));
    }

    @Test
    void withoutStatisticsCalcitesGuessesRemain() {
        double guessed = new QueryPlanner().plan("SELECT l_orderkey FROM lineitem WHERE l_returnflag = 'R'", catalog,
                PlannerOptions.DEFAULTS).plan().estimatedRows();
        assertThat(guessed).isCloseTo(LINEITEM * 0.15, within(1.0));
    }
}
