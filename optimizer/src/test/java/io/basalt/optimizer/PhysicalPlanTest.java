package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators as execution receives them: joins, aggregates, set operations, sorting, constants. */
class PhysicalPlanTest {

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

    @Test
    void joinKeysOfDifferentTypesAreCastToACommonType() {
        assertThat(plan("SELECT e.id, t.label FROM events e JOIN tags t ON e.tag_id = t.tag_id")).isEqualTo("""
                Project id=$0, label=$3
                  HashJoin INNER left=[1] right=[0]
                    Project id=$0, tag_id0=CAST($1)
                      Scan main.events columns=[id,tag_id]
                    Scan main.tags columns=[tag_id,label]
                """);
    }

    @Test
    void notInWithNullableSidesIsANullAwareAntiJoin() {
        assertThat(plan("SELECT id FROM events WHERE quantity NOT IN (SELECT parent_id FROM tags)")).isEqualTo("""
                Project id=$0
                  HashJoin ANTI left=[2] right=[0] nullAware
                    Project id=$0, quantity=$1, key0=CAST($1)
                      Scan main.events columns=[id,quantity]
                    Scan main.tags columns=[parent_id]
                """);
    }

    @Test
    void inAndExistsAreSemiJoins() {
        assertThat(plan("SELECT id FROM events e WHERE EXISTS (SELECT 1 FROM tags t WHERE t.tag_id = e.id AND t.label <> e.kind)"))
                .isEqualTo("""
                Project id=$0
                  HashJoin SEMI left=[0] right=[0] residual=NOT_EQUAL($3, CAST($1))
                    Scan main.events columns=[id,kind]
                    Scan main.tags columns=[tag_id,label]
                """);
    }

    @Test
    void distinctAndFilteredAggregates() {
        assertThat(plan("SELECT kind, count(DISTINCT code), sum(amount) FILTER (WHERE flag) FROM events GROUP BY kind"))
                .isEqualTo("""
                Aggregate group=[0] EXPR$1=COUNT(DISTINCT $1):BIGINT, EXPR$2=SUM($2) FILTER $3:DECIMAL(38,2)
                  Project kind=$0, code=$1, amount=$2, $f3=IS_TRUE($3)
                    Scan main.events columns=[kind,code,amount,flag]
                """);
    }

    @Test
    void unionDistinctIsAnAggregateOverUnionAll() {
        assertThat(plan("SELECT kind FROM events UNION SELECT label FROM tags")).isEqualTo("""
                Aggregate group=[0]\s
                  Union
                    Project kind=CAST($0)
                      Scan main.events columns=[kind]
                    Scan main.tags columns=[label]
                """);
    }

    @Test
    void orderByWithLimitIsATopN() {
        assertThat(plan("SELECT id FROM events ORDER BY amount DESC NULLS LAST, id LIMIT 5 OFFSET 10")).isEqualTo("""
                Project id=$0
                  Sort $1 DESC, $0 ASC offset=10 limit=5
                    Scan main.events columns=[id,amount]
                """);
    }

    @Test
    void limitWithoutOrderIsALimit() {
        assertThat(plan("SELECT id FROM events LIMIT 3")).isEqualTo("""
                Limit offset=0 limit=3
                  Scan main.events columns=[id]
                """);
    }

    @Test
    void scansReadNoColumnWhenAnAggregationOnlyCountsRowsAndOneColumnOtherwise() {
        // The scan's batches then carry only row counts: no block of the table is read.
        assertThat(plan("SELECT count(*) FROM events")).isEqualTo("""
                Aggregate group=[] EXPR$0=COUNT_STAR():BIGINT
                  Scan main.events columns=[]
                """);
        assertThat(plan("SELECT id FROM events WHERE EXISTS (SELECT 1 FROM tags)")).isEqualTo("""
                NestedLoopJoin SEMI
                  Scan main.events columns=[id]
                  Project DUMMY=0:INTEGER
                    Scan main.tags columns=[tag_id]
                """);
    }

    @Test
    void valuesAreConstantRows() {
        assertThat(plan("VALUES (1, 'a'), (2, 'bb')")).isEqualTo("""
                Values [[1, a], [2, bb]]
                """);
    }

    @Test
    void crossJoinsAreNestedLoopsHoldingTheSmallerSide() {
        assertThat(plan("SELECT e.id FROM events e, (SELECT max(amount) AS top FROM events) m WHERE e.amount > m.top / 2"))
                .contains("NestedLoopJoin INNER condition=GREATER_THAN(");
    }

    @Test
    void joinsBuildOnTheSmallerSide(@TempDir Path tpchDirectory) {
        Manifest tpch = TpchCatalog.atScaleFactorOne(TpchCatalog.create(tpchDirectory));
        String customersFirst = "SELECT c_name, n_name FROM customer LEFT JOIN nation ON c_nationkey = n_nationkey";
        String nationsFirst = "SELECT c_name, n_name FROM nation LEFT JOIN customer ON c_nationkey = n_nationkey";

        assertThat(PhysicalPlanText.of(new QueryPlanner().plan(customersFirst, tpch, PlannerOptions.DEFAULTS).plan()))
                .isEqualTo("""
                Project c_name=$0, n_name=$3
                  HashJoin LEFT left=[1] right=[0]
                    Scan main.customer columns=[c_name,c_nationkey]
                    Scan main.nation columns=[n_nationkey,n_name]
                """);
        // The nations are still the build side: the LEFT join turns into a RIGHT join, columns back in order.
        assertThat(PhysicalPlanText.of(new QueryPlanner().plan(nationsFirst, tpch, PlannerOptions.DEFAULTS).plan()))
                .isEqualTo("""
                Project c_name=$0, n_name=$3
                  HashJoin RIGHT left=[1] right=[0]
                    Scan main.customer columns=[c_name,c_nationkey]
                    Scan main.nation columns=[n_nationkey,n_name]
                """);
    }
}
