package io.basalt.optimizer.convention;

import com.google.common.collect.ImmutableList;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.SystemTable;
import io.basalt.optimizer.cost.BasaltCostFactory;
import io.basalt.optimizer.physical.JoinKeys;
import io.basalt.optimizer.rules.LateralJoins;
import io.basalt.optimizer.rules.RepeatRows;
import io.basalt.optimizer.rules.SharedSubplan;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalRepeatUnion;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalTableSpool;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical phase: the optimized logical plan, bottom up, into Basalt's convention ({@link BasaltRel}). Most
 * operators have one physical form. Two choices remain, both local: a filter straight over a table scan goes into
 * the scan (where zone maps skip segments and blocks, and rows are filtered before the columns only the output needs
 * are decoded: always cheaper than a scan and a filter), and an inner or outer join holds whichever input the cost
 * model ({@code OperatorCostModel}: memory for the held rows) finds cheaper, its right one on a tie; semi and anti
 * joins hold their right (subquery) side. A join is a hash join when {@link JoinKeys#hasHashKeys} finds equality keys
 * (or NOT IN's null-aware form), else a nested-loop join.
 *
 * <p>Why not a VolcanoPlanner, as before: with join order settled earlier (the join orderers, {@code OptimizerPhases})
 * and no transformation rules, both of a join's forms have the same inputs, so the cheapest plan is these local
 * choices; Volcano reached the same plans after registering every operator and its alternatives in its memo, 10 % of
 * a TPC-H query's planning (0.59 ms of 6.1 warm).
 */
public final class PhysicalPhase {

    private final RelMetadataQuery metadata;
    /** A subplan the logical plan holds twice by identity becomes one physical node. */
    private final Map<RelNode, RelNode> converted = new IdentityHashMap<>();
    /** The places of one shared subplan (equal copies, by id) become one physical node, computed once. */
    private final Map<Integer, RelNode> sharedSubplans = new HashMap<>();

    private PhysicalPhase(RelMetadataQuery metadata) {
        this.metadata = metadata;
    }

    /**
     * The planner of one query's cluster: it carries the cost factory, the constant folder and (in its context) the
     * query's statistics for the metadata handlers; no rules run on it.
     */
    public static VolcanoPlanner newPlanner(Context context) {
        VolcanoPlanner planner = new VolcanoPlanner(BasaltCostFactory.INSTANCE, context);
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        return planner;
    }

    /** The cheapest plan of Basalt operators for {@code logical}. */
    public static RelNode run(RelNode logical) {
        checkSupported(logical);
        return new PhysicalPhase(logical.getCluster().getMetadataQuery()).convert(logical);
    }

    private RelNode convert(RelNode rel) {
        RelNode physical = converted.get(rel);
        if (physical == null) {
            physical = convertOnce(rel);
            converted.put(rel, physical);
        }
        return physical;
    }

    private RelNode convertOnce(RelNode rel) {
        if (rel instanceof LogicalTableScan scan) {
            return new BasaltTableScan(scan.getCluster(), basalt(scan), scan.getTable(), null);
        }
        if (rel instanceof LogicalFilter filter) {
            if (filter.getInput() instanceof LogicalTableScan scan && scan.getTable().unwrap(SystemTable.class) == null) {
                return new BasaltTableScan(scan.getCluster(), basalt(filter), scan.getTable(), filter.getCondition());
            }
            return new BasaltFilter(rel.getCluster(), basalt(rel), convert(filter.getInput()), filter.getCondition());
        }
        if (rel instanceof LogicalProject project) {
            return new BasaltProject(rel.getCluster(), basalt(rel), convert(project.getInput()), project.getProjects(),
                    project.getRowType());
        }
        if (rel instanceof LogicalJoin join) {
            return join(join);
        }
        if (rel instanceof LogicalAggregate aggregate) {
            return new BasaltHashAggregate(rel.getCluster(), basalt(rel), convert(aggregate.getInput()),
                    aggregate.getGroupSet(), aggregate.getGroupSets(), aggregate.getAggCallList());
        }
        if (rel instanceof LogicalSort sort) {
            return new BasaltSort(rel.getCluster(), basalt(rel), convert(sort.getInput()), sort.getCollation(),
                    sort.offset, sort.fetch);
        }
        if (rel instanceof LogicalWindow window) {
            return new BasaltWindow(rel.getCluster(), basalt(rel), convert(window.getInput()), window.constants,
                    window.getRowType(), window.groups);
        }
        if (rel instanceof LogicalUnion union) {
            List<RelNode> inputs = new ArrayList<>();
            for (RelNode input : union.getInputs()) {
                inputs.add(convert(input));
            }
            return new BasaltUnion(rel.getCluster(), basalt(rel), inputs, union.all);
        }
        if (rel instanceof LogicalRepeatUnion union) {
            return new BasaltRecursiveUnion(rel.getCluster(), basalt(rel), convert(union.getSeedRel()),
                    convert(union.getIterativeRel()), union.all, union.iterationLimit, union.getTransientTable());
        }
        if (rel instanceof LogicalTableSpool spool) {
            // Calcite writes each side of a recursive query into the transient table through a spool; Basalt's
            // recursive union keeps the working table itself, so a spool is just its input.
            return convert(spool.getInput());
        }
        if (rel instanceof RepeatRows repeat) {
            return new BasaltRepeatRows(rel.getCluster(), basalt(rel), convert(repeat.getInput()));
        }
        if (rel instanceof SharedSubplan shared) {
            RelNode physical = sharedSubplans.get(shared.id());
            if (physical == null) {
                physical = new BasaltSharedSubplan(rel.getCluster(), basalt(rel), convert(shared.getInput()),
                        shared.id(), shared.uses());
                sharedSubplans.put(shared.id(), physical);
            }
            return physical;
        }
        if (rel instanceof LogicalValues values) {
            return new BasaltValues(rel.getCluster(), rel.getRowType(), ImmutableList.copyOf(values.getTuples()),
                    basalt(rel));
        }
        throw PlanningException.notSupported("the operator " + rel.getRelTypeName());
    }

    private RelNode join(LogicalJoin join) {
        RelNode left = convert(join.getLeft());
        RelNode right = convert(join.getRight());
        boolean hash = JoinKeys.hasHashKeys(join);
        RelNode holdsRight = join(join, left, right, hash, false);
        JoinRelType type = join.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT
                && type != JoinRelType.FULL) {
            return holdsRight;
        }
        RelNode holdsLeft = join(join, left, right, hash, true);
        RelOptCost leftCost = metadata.getNonCumulativeCost(holdsLeft);
        RelOptCost rightCost = metadata.getNonCumulativeCost(holdsRight);
        return leftCost != null && rightCost != null && leftCost.isLt(rightCost) ? holdsLeft : holdsRight;
    }

    private static RelNode join(LogicalJoin join, RelNode left, RelNode right, boolean hash, boolean holdsLeft) {
        if (hash) {
            return new BasaltHashJoin(join.getCluster(), basalt(join), left, right, join.getCondition(),
                    join.getJoinType(), holdsLeft);
        }
        return new BasaltNestedLoopJoin(join.getCluster(), basalt(join), left, right, join.getCondition(),
                join.getJoinType(), holdsLeft);
    }

    private static RelTraitSet basalt(RelNode rel) {
        return rel.getTraitSet().replace(BasaltRel.CONVENTION);
    }

    /** Operators the executor does not have fail here with the same messages the plan builder gives. */
    private static void checkSupported(RelNode rel) {
        if (rel instanceof Correlate correlate) {
            throw LateralJoins.notDecorrelated(correlate);
        }
        for (RelNode input : rel.getInputs()) {
            checkSupported(input);
        }
    }
}
