package io.basalt.optimizer;

import io.basalt.execution.plan.AggregateNode;
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
 * (TransitiveJoinKeysRule), on TPC-H's catalog at scale factor 1. TPC-H Q2's plan with it is in
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

    private static List<HashJoinNode> joinsWithAnAggregateInput(PhysicalNode node) {
        List<HashJoinNode> found = new ArrayList<>();
        if (node instanceof HashJoinNode join
                && (join.left() instanceof AggregateNode || join.right() instanceof AggregateNode)) {
            found.add(join);
        }
        for (PhysicalNode input : node.inputs()) {
            found.addAll(joinsWithAnAggregateInput(input));
        }
        return found;
    }

    private static int keyCount(PhysicalNode node) {
        int keys = node instanceof HashJoinNode join ? join.leftKeys().length : 0;
        for (PhysicalNode input : node.inputs()) {
            keys += keyCount(input);
        }
        return keys;
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

        // Three equalities stated (two part keys, the cost) and the implied one: whatever the join order, each
        // is a hash key of some join.
        assertThat(keyCount(plan)).isEqualTo(4);
        assertThat(joinsWithAnAggregateInput(plan)).singleElement()
                .satisfies(join -> assertThat(join.leftKeys().length).isGreaterThanOrEqualTo(2));
    }

    @Test
    void inputsWithoutAConditionOfTheirOwnGetNone() {
        // customer = orders.o_custkey and orders.o_custkey = per-customer counts share customer's key, but customer
        // and the counts are joined by nothing else: no join on c_custkey = the counts' key is made up.
        PhysicalNode plan = plan("""
                SELECT c_name, order_count FROM customer, orders,
                  (SELECT o_custkey AS counted, count(*) AS order_count FROM orders GROUP BY o_custkey) counts
                WHERE c_custkey = orders.o_custkey AND orders.o_custkey = counts.counted""");

        assertThat(keyCount(plan)).isEqualTo(2);
    }
}
