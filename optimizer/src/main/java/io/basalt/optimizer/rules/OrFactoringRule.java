package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.rules.TransformationRule;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Pulls the conditions every branch of an OR shares out of it: {@code (a AND b) OR (a AND c)} becomes
 * {@code a AND (b OR c)}. TPC-H Q19 repeats its join condition {@code p_partkey = l_partkey} in each of three
 * branches; only once it stands on its own can the join use it as a hash key instead of comparing every pair of
 * rows.
 */
public final class OrFactoringRule extends RelRule<RuleConfig> implements TransformationRule {

    public static final OrFactoringRule INSTANCE = (OrFactoringRule) new RuleConfig(
            RelFactories.LOGICAL_BUILDER, "OrFactoringRule",
            b -> b.operand(LogicalFilter.class).predicate(OrFactoringRule::hasDisjunction).anyInputs(),
            OrFactoringRule::new).toRule();

    private OrFactoringRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalFilter filter = call.rel(0);
        RexNode factored = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), filter.getCondition());
        if (factored.toString().equals(filter.getCondition().toString())) {
            return;
        }
        call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), factored));
    }

    private static boolean hasDisjunction(LogicalFilter filter) {
        return RexUtil.find(SqlKind.OR).inFilter(filter);
    }
}
