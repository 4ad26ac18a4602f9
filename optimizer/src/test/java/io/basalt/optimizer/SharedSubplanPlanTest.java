package io.basalt.optimizer;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.SharedResultNode;
import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which repeated subplans the optimizer computes once (SharedSubplans), on TPC-H's catalog at scale factor 1: the
 * plans of Q15 and Q11 themselves are in GoldenPlanTest; results with and without sharing are compared in
 * SharedSubplanResultsTest.
 */
class SharedSubplanPlanTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
    }

    private static PhysicalNode plan(String query, boolean share) {
        return new QueryPlanner(TpchStatistics.SF1).plan(query, catalog, PlannerOptions.DEFAULTS.withSharedSubplans(share))
                .plan();
    }

    /** Every shared node of the plan, each place it stands (the same node at each). */
    private static List<SharedResultNode> uses(PhysicalNode plan) {
        List<SharedResultNode> found = new ArrayList<>();
        collect(plan, found);
        return found;
    }

    private static void collect(PhysicalNode node, List<SharedResultNode> found) {
        if (node instanceof SharedResultNode shared) {
            found.add(shared);
        }
        for (PhysicalNode input : node.inputs()) {
            collect(input, found);
        }
    }

    private static final String REVENUE_TWICE = """
            WITH revenue AS (
              SELECT l_suppkey AS supplier_no, sum(l_extendedprice * (1 - l_discount)) AS total_revenue
              FROM lineitem WHERE l_shipdate >= DATE '1996-01-01' GROUP BY l_suppkey)
            SELECT s_suppkey, total_revenue FROM supplier, revenue
            WHERE s_suppkey = supplier_no AND total_revenue = (SELECT max(total_revenue) FROM revenue)
            """;

    @Test
    void aCommonTableExpressionReadTwiceIsComputedOnce() {
        List<SharedResultNode> uses = uses(plan(REVENUE_TWICE, true));
        assertThat(uses).hasSize(2);
        assertThat(uses.get(0)).isSameAs(uses.get(1));
        assertThat(uses.get(0).uses()).isEqualTo(2);
        assertThat(PhysicalPlanText.of(uses.get(0).input())).startsWith("Aggregate group=[0]");
    }

    @Test
    void thePlannerOptionTurnsSharingOff() {
        PhysicalNode unshared = plan(REVENUE_TWICE, false);
        assertThat(uses(unshared)).isEmpty();
        assertThat(PhysicalPlanText.of(unshared).split("Scan main.lineitem", -1)).hasSize(3);
    }

    @Test
    void aSubplanWithRandomIsNeverShared() {
        // Each reference to the CTE draws its own values, as two subqueries do in PostgreSQL.
        String query = """
                WITH sample AS (SELECT l_suppkey, count(*) AS c FROM lineitem WHERE random() < 0.5 GROUP BY l_suppkey)
                SELECT * FROM sample a JOIN sample b ON a.l_suppkey = b.l_suppkey
                """;
        assertThat(uses(plan(query, true))).isEmpty();
    }

    @Test
    void aSubplanWithTheStatementTimeIsShared() {
        // now() / current_date have one value for the whole statement: both places would compute the same rows.
        String query = """
                WITH late AS (SELECT l_suppkey, count(*) AS c FROM lineitem WHERE l_shipdate < current_date
                              GROUP BY l_suppkey)
                SELECT * FROM late a JOIN late b ON a.l_suppkey = b.l_suppkey
                """;
        List<SharedResultNode> uses = uses(plan(query, true));
        assertThat(uses).hasSize(2);
        assertThat(uses.get(0)).isSameAs(uses.get(1));
    }

    @Test
    void aRepeatedScanWithoutJoinOrAggregateIsNotShared() {
        String query = """
                SELECT * FROM (SELECT n_nationkey FROM nation WHERE n_regionkey = 1) a
                UNION ALL SELECT * FROM (SELECT n_nationkey FROM nation WHERE n_regionkey = 1) b
                """;
        assertThat(uses(plan(query, true))).isEmpty();
    }

    @Test
    void aRepeatedJoinOfSmallTablesIsRecomputed() {
        // TPC-H Q2's shape: nation ⋈ region (30 rows read) twice. Recomputing it costs less than the shared
        // result's pipeline.
        String query = """
                WITH europe AS (SELECT n_nationkey, n_name FROM nation, region
                                WHERE n_regionkey = r_regionkey AND r_name = 'EUROPE')
                SELECT * FROM europe a JOIN europe b ON a.n_nationkey < b.n_nationkey
                """;
        PhysicalNode plan = plan(query, true);
        assertThat(uses(plan)).isEmpty();
        assertThat(PhysicalPlanText.of(plan).split("Scan main.region", -1)).hasSize(3);
    }

    @Test
    void q17ReadsLineitemOnceForTheQueryAndItsAverageSubquery() {
        // SemiJoinsForSharing: both lineitem reads are semi-joined with the qualifying parts, then shared.
        PhysicalNode plan = plan(TpchQueries.text(17), true);
        List<SharedResultNode> uses = uses(plan);
        assertThat(uses).hasSize(2);
        assertThat(uses.get(0)).isSameAs(uses.get(1));
        assertThat(PhysicalPlanText.of(uses.get(0).input())).startsWith("HashJoin SEMI")
                .contains("Scan main.lineitem columns=[l_partkey,l_quantity,l_extendedprice]");
        assertThat(PhysicalPlanText.of(plan).split("Scan main.lineitem", -1)).hasSize(2);
        assertThat(PhysicalPlanText.of(plan(TpchQueries.text(17), false)).split("Scan main.lineitem", -1)).hasSize(3);
    }

    @Test
    void aSubqueryReadingOtherRowsThanTheQueryIsNotSemiJoined() {
        // Q17 with the outer lineitem rows filtered by date: the two reads differ, so semi joins would share nothing.
        String query = """
                SELECT sum(l_extendedprice) FROM lineitem, part
                WHERE p_partkey = l_partkey AND p_brand = 'Brand#23' AND l_shipdate < DATE '1995-01-01'
                  AND l_quantity < (SELECT 0.2 * avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)
                """;
        String plan = PhysicalPlanText.of(plan(query, true));
        assertThat(plan).doesNotContain("SEMI").doesNotContain("SharedResult");
        assertThat(plan.split("Scan main.lineitem", -1)).hasSize(3);
    }

    @Test
    void differentSubplansAreNotShared() {
        String query = """
                SELECT (SELECT max(l_quantity) FROM lineitem WHERE l_shipdate < DATE '1995-01-01'),
                       (SELECT max(l_quantity) FROM lineitem WHERE l_shipdate < DATE '1996-01-01')
                """;
        assertThat(uses(plan(query, true))).isEmpty();
    }

    @Test
    void subplansReadingDifferentColumnsShareOneReadingThemAll() {
        // Q11's shape: the subquery's join does not read ps_partkey, the outer one groups by it.
        String query = """
                SELECT ps_partkey, sum(ps_availqty) FROM partsupp, supplier WHERE ps_suppkey = s_suppkey AND s_acctbal > 0
                GROUP BY ps_partkey
                HAVING sum(ps_availqty) > (SELECT sum(ps_availqty) * 0.001 FROM partsupp, supplier
                                           WHERE ps_suppkey = s_suppkey AND s_acctbal > 0)
                """;
        List<SharedResultNode> uses = uses(plan(query, true));
        assertThat(uses).hasSize(2);
        assertThat(uses.get(0)).isSameAs(uses.get(1));
        String shared = PhysicalPlanText.of(uses.get(0).input());
        assertThat(shared).startsWith("HashJoin").contains("Scan main.partsupp columns=[ps_partkey,ps_suppkey,ps_availqty]");
        assertThat(PhysicalPlanText.of(plan(query, true)).split("Scan main.partsupp", -1)).hasSize(2);
    }

    @Test
    void aSubplanReadThreeTimesHasThreeUsesAndNestedRepetitionsAreSharedInside() {
        String query = """
                WITH s AS (SELECT o_custkey, count(*) AS c FROM orders GROUP BY o_custkey)
                SELECT * FROM s a JOIN s b ON a.o_custkey = b.o_custkey JOIN s c ON c.o_custkey = a.o_custkey
                """;
        List<SharedResultNode> uses = uses(plan(query, true));
        Map<SharedResultNode, Boolean> distinct = new IdentityHashMap<>();
        uses.forEach(use -> distinct.put(use, true));
        assertThat(distinct).hasSize(1);
        assertThat(uses).hasSize(3);
        assertThat(uses.get(0).uses()).isEqualTo(3);
    }
}
