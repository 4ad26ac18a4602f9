package io.basalt.optimizer.convention;

import io.basalt.optimizer.physical.JoinKeys;
import io.basalt.optimizer.rules.RuleConfig;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalJoin;

/**
 * A join to Basalt's join operators: a hash join when the condition has equality keys (or is NOT IN's null-aware
 * form), else a nested-loop join. For inner and outer joins both sides may be the one held in memory, so both
 * alternatives are registered and the cost model ({@code OperatorCostModel}: memory for the held rows) picks;
 * semi and anti joins hold their right (subquery) side. The join order itself was fixed before this phase.
 */
final class BasaltJoinRule extends RelRule<RuleConfig> {

    static final BasaltJoinRule INSTANCE = (BasaltJoinRule) new RuleConfig(RelFactories.LOGICAL_BUILDER,
            "BasaltJoinRule", b -> b.operand(LogicalJoin.class).anyInputs(), BasaltJoinRule::new).toRule();

    private BasaltJoinRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Join join = call.rel(0);
        RelNode left = BasaltConversionRule.input(join.getLeft());
        RelNode right = BasaltConversionRule.input(join.getRight());
        boolean hash = JoinKeys.hasHashKeys(join);
        call.transformTo(create(join, left, right, hash, false));
        JoinRelType type = join.getJoinType();
        if (type == JoinRelType.INNER || type == JoinRelType.LEFT || type == JoinRelType.RIGHT || type == JoinRelType.FULL) {
            call.transformTo(create(join, left, right, hash, true));
        }
    }

    private static RelNode create(Join join, RelNode left, RelNode right, boolean hash, boolean holdsLeft) {
        if (hash) {
            return new BasaltHashJoin(join.getCluster(), BasaltConversionRule.basalt(join), left, right,
                    join.getCondition(), join.getJoinType(), holdsLeft);
        }
        return new BasaltNestedLoopJoin(join.getCluster(), BasaltConversionRule.basalt(join), left, right,
                join.getCondition(), join.getJoinType(), holdsLeft);
    }
}
