package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.MultiJoin;

/**
 * Orders a wide multi-join of inner joins greedily: a left-deep tree that starts with the input of fewest estimated
 * rows and then, step by step, adds the input that keeps the estimated result smallest among those a join
 * condition connects to what is joined already (so each connected component of the join graph is joined through
 * its conditions, never by a cross product); a cross product only when no condition connects any remaining input,
 * which then starts the next component the same way ({@link JoinTreeBuilder} places the conditions).
 *
 * <p>Why: {@code LoptOptimizeJoinRule} tries every input as the first one and costs every partial tree through
 * Calcite's metadata, about n<sup>4</sup> metadata calls for n inputs: milliseconds for TPC-H's joins (at most 8
 * tables) but seconds for the 20 to 64 tables of SQLite's {@code select5}. This rule costs the n<sup>2</sup>
 * candidate steps from per-input estimates (rows, distinct key values) taken once: a few percent of the planning
 * time of a 64-table query (profiled on select5). It applies only above {@link #WIDEST_COST_BASED} inputs (every
 * narrower join, TPC-H's included, {@link ExhaustiveJoinOrderRule} orders), and only to multi-joins of inner joins
 * alone (outer joins keep Calcite's rule, which knows where they may move).
 */
public final class GreedyJoinOrderRule extends RelRule<RuleConfig> {

    /** The widest join {@link ExhaustiveJoinOrderRule} orders; above it this rule does. TPC-H's widest (Q8) has 8. */
    public static final int WIDEST_COST_BASED = 10;

    public static final GreedyJoinOrderRule INSTANCE = (GreedyJoinOrderRule) new RuleConfig(
            RelFactories.LOGICAL_BUILDER, "GreedyJoinOrderRule",
            b -> b.operand(MultiJoin.class).predicate(GreedyJoinOrderRule::applies).anyInputs(),
            GreedyJoinOrderRule::new).toRule();

    private GreedyJoinOrderRule(RuleConfig config) {
        super(config);
    }

    /** Whether this rule orders {@code join}: wider than {@link #WIDEST_COST_BASED}, inner joins only. */
    public static boolean applies(MultiJoin join) {
        return join.getInputs().size() > WIDEST_COST_BASED
                && JoinGraph.innerJoinsOnly(join);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        MultiJoin join = call.rel(0);
        JoinGraph graph = JoinGraph.of(join, call.getMetadataQuery());
        call.transformTo(JoinTreeBuilder.build(join, graph, EqualColumns.of(graph), JoinTree.leftDeep(graph.greedyOrder(call.getMetadataQuery())),
                call.builder()));
    }
}
