package io.basalt.optimizer;

import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key equalities implied through a third input join two inputs that already share a condition on both keys
 * (TransitiveJoinKeysRule, and the classes of equal columns ExhaustiveJoinOrderRule joins on), on TPC-H's catalog
 * at scale factor 1. TPC-H Q2's plan with it is in
 * GoldenPlanTest; Q5's, whose customer and nation share no condition, stays as it was there.
 */
class TransitiveJoinKeysPlanTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
    }

    private static PhysicalNode plan(String query) {
        return new QueryPlanner(TpchStatistics.SF1).plan(query, catalog, PlannerOptions.DEFAULTS).plan();
    }

    private static List<HashJoinNode> hashJoins(PhysicalNode node) {
        List<HashJoinNode> found = new ArrayList<>();
        if (node instanceof HashJoinNode join) {
            found.add(join);
        }
        for (PhysicalNode input : node.inputs()) {
            found.addAll(hashJoins(input));
        }
        return found;
    }

    @Test
    void aDecorrelatedMinimumJoinsItsTableOnTheCorrelationKeyToo() {
        // The subquery's ps_partkey is equal to p_partkey, not to the outer ps_partkey; partsupp and the per-part
        // minima share only the cost condition until the rule adds ps_partkey = ps_partkey.
        PhysicalNode plan = plan("""
                SELECT p_partkey, ps_suppkey FROM part, partsupp
                WHERE p_partkey = ps_partkey AND p_size = 15
                  AND ps_supplycost = (SELECT min(ps_supplycost) FROM partsupp inner_ps
                                       WHERE inner_ps.ps_partkey = p_partkey)""");

        // Whatever the join order, the join that meets the minima's cost meets their part key too: some join has
        // two keys or more, and none is a nested loop.
        assertThat(hashJoins(plan)).anySatisfy(join -> assertThat(join.leftKeys().length).isGreaterThanOrEqualTo(2));
        assertThat(PhysicalPlanText.of(plan)).doesNotContain("NestedLoopJoin");
    }

    @Test
    void aClassOfEqualColumnsGivesEachJoinOneKey() {
        // customer = orders.o_custkey and orders.o_custkey = per-customer counts make one class of equal columns:
        // the join orderer may join any two of the three on it (ExhaustiveJoinOrderRule), but each join gets the
        // class once, never a second, redundant key.
        PhysicalNode plan = plan("""
                SELECT c_name, order_count FROM customer, orders,
                  (SELECT o_custkey AS counted, count(*) AS order_count FROM orders GROUP BY o_custkey) counts
                WHERE c_custkey = orders.o_custkey AND orders.o_custkey = counts.counted""");

        assertThat(hashJoins(plan)).isNotEmpty().allSatisfy(join -> assertThat(join.leftKeys()).hasSize(1));
    }
}
