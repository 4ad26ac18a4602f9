package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives filters on a join's inputs from an OR in its condition. TPC-H Q7 joins two nations with
 * {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')}: no branch alone can move
 * below the join, but the condition implies {@code n1 IN ('FRANCE', 'GERMANY')} and the same of {@code n2}, which
 * can. With those filters at the nation scans the join order starts from two nations instead of all 25, and the
 * OR itself stays in the join condition (it is still needed: the derived filters are only implied).
 *
 * <p>For each input of an inner join: every branch of the OR contributes the AND of its conjuncts that read only
 * that input; if some branch has none, nothing is derived for that input. This is a single pass over the tree,
 * not a rule: a rule would match again the join it just gave a new input and derive the same filter forever
 * (Calcite's {@code ExpandDisjunctionForJoinInputsRule} loops that way in a HepPlanner).
 */
final class JoinDisjunctionFilters {

    private final RexSimplify simplify;
    private boolean changed;

    private JoinDisjunctionFilters(RexBuilder rexBuilder, RexExecutor executor) {
        this.simplify = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, executor);
    }

    /** The plan with derived filters below the joins that allow them, or empty when no join does. */
    static Optional<RelNode> derive(RelNode plan, RexExecutor executor) {
        JoinDisjunctionFilters shuttle = new JoinDisjunctionFilters(plan.getCluster().getRexBuilder(), executor);
        RelNode result = shuttle.rewrite(plan);
        return shuttle.changed ? Optional.of(result) : Optional.empty();
    }

    private RelNode rewrite(RelNode rel) {
        List<RelNode> inputs = new ArrayList<>();
        boolean inputChanged = false;
        for (RelNode input : rel.getInputs()) {
            RelNode rewritten = rewrite(input);
            inputs.add(rewritten);
            inputChanged |= rewritten != input;
        }
        RelNode visited = inputChanged ? rel.copy(rel.getTraitSet(), inputs) : rel;
        if (!(visited instanceof Join join) || join.getJoinType() != JoinRelType.INNER) {
            return visited;
        }
        int leftCount = join.getLeft().getRowType().getFieldCount();
        int total = join.getRowType().getFieldCount();
        List<RexNode> leftFilters = new ArrayList<>();
        List<RexNode> rightFilters = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
            List<RexNode> branches = RelOptUtil.disjunctions(conjunct);
            if (branches.size() < 2) {
                continue;
            }
            implied(branches, ImmutableBitSet.range(0, leftCount), 0).ifPresent(leftFilters::add);
            implied(branches, ImmutableBitSet.range(leftCount, total), leftCount).ifPresent(rightFilters::add);
        }
        if (leftFilters.isEmpty() && rightFilters.isEmpty()) {
            return visited;
        }
        changed = true;
        RelNode left = filtered(join.getLeft(), leftFilters);
        RelNode right = filtered(join.getRight(), rightFilters);
        return join.copy(join.getTraitSet(), join.getCondition(), left, right, join.getJoinType(), join.isSemiJoinDone());
    }

    /** The OR over branches of each branch's conjuncts reading only {@code side}, shifted to the input's columns. */
    private Optional<RexNode> implied(List<RexNode> branches, ImmutableBitSet side, int offset) {
        RexBuilder rexBuilder = simplify.rexBuilder;
        List<RexNode> parts = new ArrayList<>();
        for (RexNode branch : branches) {
            List<RexNode> own = new ArrayList<>();
            for (RexNode conjunct : RelOptUtil.conjunctions(branch)) {
                ImmutableBitSet used = RelOptUtil.InputFinder.bits(conjunct);
                if (!used.isEmpty() && side.contains(used) && RexUtil.isDeterministic(conjunct)) {
                    own.add(shift(conjunct, -offset));
                }
            }
            if (own.isEmpty()) {
                return Optional.empty();
            }
            parts.add(RexUtil.composeConjunction(rexBuilder, own));
        }
        RexNode derived = simplify.simplifyUnknownAsFalse(RexUtil.composeDisjunction(rexBuilder, parts));
        return derived.isAlwaysTrue() ? Optional.empty() : Optional.of(derived);
    }

    private RexNode shift(RexNode node, int by) {
        if (by == 0) {
            return node;
        }
        return node.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef reference) {
                return new RexInputRef(reference.getIndex() + by, reference.getType());
            }
        });
    }

    private RelNode filtered(RelNode input, List<RexNode> filters) {
        if (filters.isEmpty()) {
            return input;
        }
        return LogicalFilter.create(input, RexUtil.composeConjunction(simplify.rexBuilder, filters));
    }
}
