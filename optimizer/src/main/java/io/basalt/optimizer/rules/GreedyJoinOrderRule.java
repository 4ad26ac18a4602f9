package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Orders a wide multi-join of inner joins greedily: a left-deep tree that starts with the input of fewest estimated
 * rows and then, step by step, adds the input that keeps the estimated result smallest among those a join
 * condition connects to what is joined already (so each connected component of the join graph is joined through
 * its conditions, never by a cross product); a cross product only when no condition connects any remaining input,
 * which then starts the next component the same way. Each condition goes into the first join that has all of its
 * inputs.
 *
 * <p>Why: {@code LoptOptimizeJoinRule} tries every input as the first one and costs every partial tree through
 * Calcite's metadata, about n<sup>4</sup> metadata calls for n inputs: milliseconds for TPC-H's joins (at most 8
 * tables) but seconds for the 20 to 64 tables of SQLite's {@code select5}. This rule costs the n<sup>2</sup>
 * candidate steps from per-input estimates (rows, distinct key values) taken once: a few percent of the planning
 * time of a 64-table query (profiled on select5). It applies only above {@link #WIDEST_COST_BASED} inputs, so every narrower join, TPC-H's included, keeps
 * {@code LoptOptimizeJoinRule}'s order, and only to multi-joins of inner joins alone (outer joins keep Calcite's
 * rule, which knows where they may move).
 */
public final class GreedyJoinOrderRule extends RelRule<RuleConfig> {

    /** The widest join {@code LoptOptimizeJoinRule} orders; above it this rule does. TPC-H's widest (Q8) has 8. */
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
                && !join.isFullOuterJoin()
                && join.getJoinTypes().stream().allMatch(type -> type == JoinRelType.INNER)
                && join.getOuterJoinConditions().stream().allMatch(Objects::isNull)
                && join.getProjFields().stream().allMatch(Objects::isNull);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        MultiJoin join = call.rel(0);
        JoinGraph graph = JoinGraph.of(join, call.getMetadataQuery());
        call.transformTo(build(join, graph, graph.greedyOrder(), call.builder()));
    }

    /**
     * The left-deep join of the inputs in {@code order}, each condition in the first join that has its inputs, then
     * a projection that puts the columns back in the multi-join's order (its row type).
     */
    private static RelNode build(MultiJoin join, JoinGraph graph, int[] order, RelBuilder builder) {
        int[] position = new int[join.getRowType().getFieldCount()];
        Arrays.fill(position, -1);
        boolean[] applied = new boolean[graph.conditions().size()];
        ImmutableBitSet joined = ImmutableBitSet.of();
        int width = 0;
        for (int step = 0; step < order.length; step++) {
            int input = order[step];
            builder.push(join.getInputs().get(input));
            for (int field = 0; field < graph.fieldCount(input); field++) {
                position[graph.firstField(input) + field] = width + field;
            }
            width += graph.fieldCount(input);
            joined = joined.set(input);
            List<RexNode> conditions = applicable(graph, joined, applied, position, builder);
            if (step == 0) {
                if (!conditions.isEmpty()) {
                    builder.filter(conditions);
                }
            } else {
                builder.join(JoinRelType.INNER, conditions);
            }
        }
        RexNode postJoinFilter = join.getPostJoinFilter();
        if (postJoinFilter != null) {
            builder.filter(remap(postJoinFilter, position, builder));
        }
        List<RexNode> columns = new ArrayList<>(position.length);
        for (int field : position) {
            columns.add(builder.field(field));
        }
        return builder.project(columns, join.getRowType().getFieldNames(), true).build();
    }

    /** The conditions not applied yet whose inputs are all {@code joined}, marked applied, over the new positions. */
    private static List<RexNode> applicable(JoinGraph graph, ImmutableBitSet joined, boolean[] applied, int[] position,
                                            RelBuilder builder) {
        List<RexNode> conditions = new ArrayList<>();
        for (int i = 0; i < applied.length; i++) {
            if (!applied[i] && joined.contains(graph.inputsOf(i))) {
                applied[i] = true;
                conditions.add(remap(graph.conditions().get(i), position, builder));
            }
        }
        return conditions;
    }

    private static RexNode remap(RexNode condition, int[] position, RelBuilder builder) {
        return condition.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef reference) {
                return builder.getRexBuilder().makeInputRef(reference.getType(), position[reference.getIndex()]);
            }
        });
    }
}
