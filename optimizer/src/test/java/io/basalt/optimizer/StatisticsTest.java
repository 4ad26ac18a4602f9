package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Estimates from the catalog's row counts and keys (scale factor 1 row counts). */
class StatisticsTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
    }

    private static double rows(String query) {
        return new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS).plan().estimatedRows();
    }

    @Test
    void scansEstimateTheManifestRowCount() {
        assertThat(rows("SELECT l_orderkey FROM lineitem")).isEqualTo(6_001_215.0);
    }

    @Test
    void aForeignKeyJoinKeepsTheReferencingRows() {
        assertThat(rows("SELECT l_orderkey FROM lineitem JOIN orders ON l_orderkey = o_orderkey"))
                .isCloseTo(6_001_215.0, within(1.0));
    }

    @Test
    void groupingByAForeignKeyEstimatesTheReferencedRows() {
        // Drawing 6M rows from 1.5M keys is expected to meet all but e^-4 of them.
        assertThat(rows("SELECT l_orderkey, count(*) FROM lineitem GROUP BY l_orderkey"))
                .isCloseTo(1_500_000.0 * (1 - Math.exp(-4)), within(1_000.0));
    }

    @Test
    void groupingByOneCharacterCodesEstimatesFewGroups() {
        assertThat(rows("SELECT l_returnflag, count(*) FROM lineitem GROUP BY l_returnflag")).isLessThanOrEqualTo(95.0);
    }

    @Test
    void emptyTablesPlanToo(@TempDir Path empty) {
        PlannedQuery planned = new QueryPlanner().plan(TpchQueries.text(5), TpchCatalog.create(empty), PlannerOptions.DEFAULTS);

        assertThat(planned.plan().output()).hasSize(2);
    }
}
