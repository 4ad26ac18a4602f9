package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The decorrelated form of a correlated aggregate subquery over the query's own table (TPC-H Q17: the lineitems of
 * some parts whose quantity is below a fifth of their part's average quantity): a table T joined with the aggregate
 * of T grouped by a key, that aggregate itself joined on the key with a filtered input P (the qualifying parts).
 *
 * <pre>
 *   Join [T.k = P.x, residual]            Join [T.k = P.x, residual]
 *     T                                     SemiJoin [T.k = P.x]  (T, P)       ← the same subplan
 *     Join [G.k = P.x]              →       Join [G.k = P.x]
 *       Aggregate G group by k                Aggregate G group by k
 *         T                                     SemiJoin [T.k = P.x]  (T, P)   ← twice
 *       P                                     P
 * </pre>
 *
 * Both joins are inner, so every row they output has its key among P's: the aggregate's groups whose key P lacks
 * are dropped by the join above it (and a semi join on the group key keeps or drops a group's rows together, so
 * the groups kept aggregate the same rows), and so are the rows of T whose key no group has. Semi-joining T with P
 * on either side therefore changes nothing, and makes both sides read one subplan, which {@link SharedSubplans}
 * then computes once: one scan of T (6M lineitem rows in Q17, filtered by the parts' keys) instead of two.
 *
 * <p>Applied only where the two semi joins are then one subplan for {@link SharedSubplans} (same table, same
 * filters; the columns read may differ), so that it never adds a join that nothing shares; the outer join may equate
 * T's key with the group key or with P's column.
 */
final class SemiJoinsForSharing {

    private SemiJoinsForSharing() {
    }

    /** {@code plan} with each such pair of reads of one table semi-joined with the filter both are joined with. */
    static RelNode apply(RelNode plan) {
        List<RelNode> inputs = new ArrayList<>(plan.getInputs().size());
        boolean changed = false;
        for (RelNode input : plan.getInputs()) {
            RelNode rewritten = apply(input);
            inputs.add(rewritten);
            changed |= rewritten != input;
        }
        RelNode rel = changed ? plan.copy(plan.getTraitSet(), inputs) : plan;
        if (rel instanceof Join join && join.getJoinType() == JoinRelType.INNER) {
            RelNode rewritten = rewrite(join, true);
            if (rewritten == null) {
                rewritten = rewrite(join, false);
            }
            if (rewritten != null) {
                return rewritten;
            }
        }
        return rel;
    }

    /** The join rewritten with its aggregate side on the right ({@code groupedOnRight}) or left, or null. */
    private static RelNode rewrite(Join join, boolean groupedOnRight) {
        RelNode outer = groupedOnRight ? join.getLeft() : join.getRight();
        RelNode inner = groupedOnRight ? join.getRight() : join.getLeft();
        if (!(inner instanceof Join grouped) || grouped.getJoinType() != JoinRelType.INNER) {
            return null;
        }
        int outerOffset = groupedOnRight ? 0 : width(inner);
        int innerOffset = groupedOnRight ? width(outer) : 0;
        for (boolean aggregateOnLeft : new boolean[] {true, false}) {
            RelNode aggregateSide = aggregateOnLeft ? grouped.getLeft() : grouped.getRight();
            RelNode filter = aggregateOnLeft ? grouped.getRight() : grouped.getLeft();
            if (!(aggregateSide instanceof Aggregate aggregate) || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
                continue;
            }
            int aggregateOffset = aggregateOnLeft ? 0 : width(grouped.getLeft());
            int filterOffset = aggregateOnLeft ? width(grouped.getLeft()) : 0;
            for (int[] groupKey : equalities(grouped.getCondition(), aggregateOffset, width(aggregate), filterOffset)) {
                int groupField = groupKey[0];
                int filterField = groupKey[1];
                if (groupField >= aggregate.getGroupCount()) {
                    continue;
                }
                for (int[] outerKey : equalities(join.getCondition(), outerOffset, width(outer), innerOffset)) {
                    int innerField = outerKey[1];
                    if (innerField != aggregateOffset + groupField && innerField != filterOffset + filterField) {
                        continue;
                    }
                    RelNode filteredInput = semiJoin(aggregate.getInput(), aggregate.getGroupSet().nth(groupField),
                            filter, filterField);
                    RelNode filteredOuter = semiJoin(outer, outerKey[0], filter, filterField);
                    if (filteredInput == null || filteredOuter == null
                            || !SharedSubplans.wouldShare(filteredInput, filteredOuter)) {
                        continue;
                    }
                    RelNode newAggregate = aggregate.copy(aggregate.getTraitSet(), List.of(filteredInput));
                    RelNode newGrouped = grouped.copy(grouped.getTraitSet(),
                            aggregateOnLeft ? List.of(newAggregate, filter) : List.of(filter, newAggregate));
                    return join.copy(join.getTraitSet(),
                            groupedOnRight ? List.of(filteredOuter, newGrouped) : List.of(newGrouped, filteredOuter));
                }
            }
        }
        return null;
    }

    /**
     * The conjuncts of {@code condition} equating a column of one input, the columns from {@code firstOffset} on
     * ({@code firstWidth} of them), with a column outside it: each as {that column minus {@code firstOffset}, the
     * other minus {@code secondOffset}}.
     */
    private static List<int[]> equalities(RexNode condition, int firstOffset, int firstWidth, int secondOffset) {
        List<int[]> found = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (conjunct.getKind() != SqlKind.EQUALS
                    || !(((RexCall) conjunct).getOperands().get(0) instanceof RexInputRef a)
                    || !(((RexCall) conjunct).getOperands().get(1) instanceof RexInputRef b)) {
                continue;
            }
            int first = a.getIndex();
            int second = b.getIndex();
            if (!inSide(first, firstOffset, firstWidth)) {
                first = b.getIndex();
                second = a.getIndex();
            }
            if (inSide(first, firstOffset, firstWidth) && !inSide(second, firstOffset, firstWidth)) {
                found.add(new int[] {first - firstOffset, second - secondOffset});
            }
        }
        return found;
    }

    private static boolean inSide(int field, int offset, int width) {
        return field >= offset && field < offset + width;
    }

    /** {@code input} semi-joined with {@code filter} on its column {@code key} = filter's {@code filterKey}. */
    private static RelNode semiJoin(RelNode input, int key, RelNode filter, int filterKey) {
        RexNode left = RexInputRef.of(key, input.getRowType());
        RexNode right = new RexInputRef(width(input) + filterKey,
                filter.getRowType().getFieldList().get(filterKey).getType());
        if (!SqlTypeUtil.equalSansNullability(left.getType(), right.getType())) {
            return null;
        }
        RexBuilder rexBuilder = input.getCluster().getRexBuilder();
        RexNode condition = rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, left, right);
        return LogicalJoin.create(input, filter, List.of(), condition, Set.of(), JoinRelType.SEMI);
    }

    private static int width(RelNode rel) {
        return rel.getRowType().getFieldCount();
    }
}
