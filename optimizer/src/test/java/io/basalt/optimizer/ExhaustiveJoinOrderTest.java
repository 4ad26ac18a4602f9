package io.basalt.optimizer;

import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join orders {@code ExhaustiveJoinOrderRule} chooses for TPC-H's joins at scale factor 1 where
 * {@code LoptOptimizeJoinRule} chose worse ones (the whole plans: {@code GoldenPlanTest}).
 */
class ExhaustiveJoinOrderTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
    }

    private static PhysicalNode plan(int query) {
        return new QueryPlanner(TpchStatistics.SF1).plan(TpchQueries.text(query), catalog, PlannerOptions.DEFAULTS)
                .plan();
    }

    /** The tables each hash join of the plan reads below it, one set per join. */
    private static List<Set<String>> joinedTables(PhysicalNode node) {
        List<Set<String>> joins = new ArrayList<>();
        tables(node, joins);
        return joins;
    }

    private static Set<String> tables(PhysicalNode node, List<Set<String>> joins) {
        Set<String> read = new TreeSet<>();
        if (node instanceof TableScanNode scan) {
            read.add(scan.table());
        }
        for (PhysicalNode input : node.inputs()) {
            read.addAll(tables(input, joins));
        }
        if (node instanceof HashJoinNode) {
            joins.add(read);
        }
        return read;
    }

    @Test
    void joinsPartAndPartsuppThoughTheQueryEquatesEachOnlyWithLineitem() {
        // Q9: p_partkey = l_partkey and ps_partkey = l_partkey. Part ⋈ partsupp (tens of thousands of rows) is the
        // build side for lineitem, instead of lineitem ⋈ part (hundreds of thousands) built to probe partsupp.
        assertThat(joinedTables(plan(9))).contains(Set.of("part", "partsupp"))
                .doesNotContain(Set.of("lineitem", "part"));
    }

    @Test
    void probesLineitemWithTheSuppliersOfOneSideAndTheOrdersOfTheOther() {
        // Q7: the OR of the two nations' names relates supplier's nation and customer's nation but is no key; the
        // supplier side (supplier ⋈ nation) and the order side (orders ⋈ customer ⋈ nation) are joined with
        // lineitem by keys, and the OR checked where both meet, never a nested loop over the two nations.
        PhysicalNode plan = plan(7);
        assertThat(joinedTables(plan)).contains(Set.of("lineitem", "nation", "supplier"),
                Set.of("customer", "nation", "orders"));
        assertThat(PhysicalPlanText.of(plan)).doesNotContain("NestedLoopJoin");
    }
}
