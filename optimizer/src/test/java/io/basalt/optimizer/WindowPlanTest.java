package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Window functions as execution receives them: one WindowNode per window specification, types as PostgreSQL's. */
class WindowPlanTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = SmallCatalog.create(directory);
    }

    private static String plan(String query) {
        return PhysicalPlanText.of(new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS).plan());
    }

    private static PlanningException failure(String query) {
        return (PlanningException) org.assertj.core.api.Assertions.catchThrowable(
                () -> new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS));
    }

    @Test
    void functionsOfOnePartitionAndOrderShareOneNodeWhateverTheirFrames() {
        assertThat(plan("SELECT kind, row_number() OVER (PARTITION BY kind ORDER BY id DESC), rank() OVER (PARTITION BY kind ORDER BY id DESC), "
                + "sum(amount) OVER (PARTITION BY kind ORDER BY id DESC) FROM events")).isEqualTo("""
                Project kind=$1, row_number=$3, rank=$4, sum=CASE(GREATER_THAN($5, 0:BIGINT), $6, NULL:DECIMAL(38,2))
                  Window partition=[1] order=[$0 DESC NULLS FIRST] EXPR$1=ROW_NUMBER[]:BIGINT, EXPR$2=RANK[]:BIGINT, \
                w1$o1=COUNT[2] RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW:BIGINT, \
                w1$o2=SUM[2] RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW:DECIMAL(38,2)
                    Scan main.events columns=[id,kind,amount]
                """);
    }

    @Test
    void framesWholePartitionsAndNtile() {
        assertThat(plan("SELECT id, sum(quantity) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING), "
                + "count(*) OVER (PARTITION BY tag_id), ntile(4) OVER (ORDER BY id) FROM events")).isEqualTo("""
                Project id=$0, sum=CASE(GREATER_THAN($3, 0:BIGINT), $4, NULL:BIGINT), count=$5, ntile=$6
                  Window partition=[] order=[$0 ASC] EXPR$3=NTILE[] 4:BIGINT
                    Window partition=[2] order=[] EXPR$2=COUNT_STAR[] RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING:BIGINT
                      Window partition=[] order=[$0 ASC] w0$o0=COUNT[1] ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING:BIGINT, \
                w0$o1=SUM[1] ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING:BIGINT
                        Scan main.events columns=[id,quantity,tag_id]
                """);
    }

    @Test
    void aLagDefaultIsAColumnCastToTheValueType() {
        assertThat(plan("SELECT id, lag(amount, 2, 0) OVER (ORDER BY id), first_value(ratio) OVER (ORDER BY id) FROM events"))
                .isEqualTo("""
                Project id=$0, lag=$4, first_value=$5
                  Window partition=[] order=[$0 ASC] EXPR$1=LAG[1, 3] 2:DECIMAL(12,2), \
                EXPR$2=FIRST_VALUE[2] RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW:DOUBLE
                    Project id=$0, amount=$1, ratio=$2, default$3=0:DECIMAL(12,2)
                      Scan main.events columns=[id,amount,ratio]
                """);
    }

    @Test
    void topNPerGroupFiltersAboveTheWindowAndReadsOnlyItsColumns() {
        assertThat(plan("SELECT kind FROM (SELECT kind, row_number() OVER (PARTITION BY kind ORDER BY amount) AS rn FROM events) t "
                + "WHERE rn <= 3")).isEqualTo("""
                Project kind=$0
                  Filter LESS_THAN_OR_EQUAL($1, 3:BIGINT)
                    Project kind=$0, rn=$2
                      Window partition=[0] order=[$1 ASC] rn=ROW_NUMBER[]:BIGINT
                        Scan main.events columns=[kind,amount]
                """);
    }

    @Test
    void resultColumnsAreNamedAndTypedAsPostgreSql() {
        PlannedQuery planned = new QueryPlanner().plan("SELECT row_number() OVER (), rank() OVER (ORDER BY id), "
                + "count(*) OVER (), sum(quantity) OVER (), sum(amount) OVER () FROM events", catalog, PlannerOptions.DEFAULTS);

        assertThat(planned.columns().stream().map(column -> column.name() + " " + column.type()).toList())
                .containsExactly("row_number BIGINT", "rank BIGINT", "count BIGINT", "sum BIGINT", "sum DECIMAL(38,2)");
    }

    @Test
    void unsupportedShapesFailWith0A000() {
        assertThat(failure("SELECT sum(quantity) OVER (ORDER BY big_amount RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) "
                + "FROM events").getMessage())
                .isEqualTo("not supported yet: RANGE frame offsets over DECIMAL keys of more than 18 digits");
        assertThat(failure("SELECT count(DISTINCT quantity) OVER () FROM events").sqlState()).isEqualTo("0A000");
        assertThat(failure("SELECT sum(id) OVER (ORDER BY id GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM events")
                .sqlState()).isEqualTo("0A000");
        assertThat(failure("SELECT lag(id, quantity) OVER (ORDER BY id) FROM events").sqlState()).isEqualTo("0A000");
    }
}
