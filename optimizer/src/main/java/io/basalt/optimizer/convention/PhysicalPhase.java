package io.basalt.optimizer.convention;

import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.cost.BasaltCostFactory;
import io.basalt.optimizer.rules.LateralJoins;
import io.basalt.optimizer.rules.RepeatRows;
import io.basalt.optimizer.rules.SharedSubplan;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Spool;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical phase: a VolcanoPlanner run from the optimized logical plan into Basalt's convention, choosing by
 * Basalt's cost model among the operators' physical forms: which side of each join is held in memory, and a
 * filter inside the scan or above it. The search stays small on purpose: join order is settled before (by the
 * join orderers, {@code OptimizerPhases}), no transformation rule runs here, so each logical operator has one or two
 * physical forms and the planner's work grows linearly with the plan.
 */
public final class PhysicalPhase {

    private static final List<RelOptRule> RULES;

    static {
        List<RelOptRule> rules = new ArrayList<>(BasaltConversionRule.all());
        rules.add(BasaltJoinRule.INSTANCE);
        rules.add(ScanFilterRule.INSTANCE);
        RULES = List.copyOf(rules);
    }

    private PhysicalPhase() {
    }

    /** The planner of one query's cluster, ready for the physical phase (Basalt's rules and cost factory). */
    public static VolcanoPlanner newPlanner(Context context) {
        VolcanoPlanner planner = new VolcanoPlanner(BasaltCostFactory.INSTANCE, context);
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        for (RelOptRule rule : RULES) {
            planner.addRule(rule);
        }
        return planner;
    }

    /** The cheapest plan of Basalt operators for {@code logical}, whose cluster's planner {@link #newPlanner} made. */
    public static RelNode run(RelNode logical) {
        checkSupported(logical);
        VolcanoPlanner planner = (VolcanoPlanner) logical.getCluster().getPlanner();
        planner.setRoot(planner.changeTraits(logical, logical.getTraitSet().replace(BasaltRel.CONVENTION)));
        return planner.findBestExp();
    }

    /** Operators the executor does not have fail here with the same messages the plan builder gives. */
    private static void checkSupported(RelNode rel) {
        if (rel instanceof Correlate correlate) {
            throw LateralJoins.notDecorrelated(correlate);
        }
        if (!(rel instanceof TableScan || rel instanceof Filter || rel instanceof Project || rel instanceof Join
                || rel instanceof Aggregate || rel instanceof Sort || rel instanceof Union || rel instanceof Values
                || rel instanceof Window || rel instanceof RepeatRows || rel instanceof RepeatUnion || rel instanceof Spool
                || rel instanceof SharedSubplan)) {
            throw PlanningException.notSupported("the operator " + rel.getRelTypeName());
        }
        for (RelNode input : rel.getInputs()) {
            checkSupported(input);
        }
    }
}
