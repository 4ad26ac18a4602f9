package io.basalt.optimizer.physical;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What of a join condition a hash join can use as keys. One place for it, because the physical phase (which
 * chooses hash or nested-loop join) and the plan builder (which builds the chosen one) must agree.
 */
public final class JoinKeys {

    private JoinKeys() {
    }

    /** Whether the join runs as a hash join: it has equality keys, or is a NOT IN anti join on one. */
    public static boolean hasHashKeys(Join join) {
        RexNode condition = condition(join);
        if (join.getJoinType() == JoinRelType.ANTI
                && nullAwareKeys(condition, join.getLeft().getRowType().getFieldCount()).isPresent()) {
            return true;
        }
        return !JoinInfo.createWithStrictEquality(join.getLeft(), join.getRight(), condition).leftKeys.isEmpty();
    }

    /**
     * The join condition with {@code a IS NOT DISTINCT FROM b} conjuncts written {@code a = b} where one side
     * cannot be NULL: then both select the same row pairs, and the equality is a hash key. Decorrelated scalar
     * subqueries (Calcite's guard against the COUNT bug) join this way.
     */
    public static RexNode condition(Join join) {
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        List<RexNode> conjuncts = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
            if (conjunct.getKind() == SqlKind.IS_NOT_DISTINCT_FROM) {
                List<RexNode> operands = ((RexCall) conjunct).getOperands();
                if (!operands.get(0).getType().isNullable() || !operands.get(1).getType().isNullable()) {
                    conjunct = rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, operands);
                }
            }
            conjuncts.add(conjunct);
        }
        return RexUtil.composeConjunction(rexBuilder, conjuncts);
    }

    /**
     * The (left, right) columns of a condition {@code l = r [OR l IS NULL] [OR r IS NULL]}, if it is that. The
     * columns may be wrapped in the casts Calcite adds to compare them in a common type; the hash join casts its
     * keys to the common type itself.
     */
    static Optional<int[]> nullAwareKeys(RexNode condition, int leftCount) {
        if (condition.getKind() != SqlKind.OR) {
            return Optional.empty();
        }
        int left = -1;
        int right = -1;
        List<Integer> nullTested = new ArrayList<>();
        for (RexNode term : ((RexCall) condition).getOperands()) {
            if (term.getKind() == SqlKind.EQUALS && left < 0) {
                List<RexNode> operands = ((RexCall) term).getOperands();
                int a = column(operands.get(0));
                int b = column(operands.get(1));
                left = Math.min(a, b);
                right = Math.max(a, b);
                if (left < 0 || left >= leftCount || right < leftCount) {
                    return Optional.empty();
                }
            } else if (term.getKind() == SqlKind.IS_NULL && column(((RexCall) term).getOperands().get(0)) >= 0) {
                nullTested.add(column(((RexCall) term).getOperands().get(0)));
            } else {
                return Optional.empty();
            }
        }
        if (left < 0 || nullTested.isEmpty()) {
            return Optional.empty();
        }
        for (int tested : nullTested) {
            if (tested != left && tested != right) {
                return Optional.empty();
            }
        }
        return Optional.of(new int[] {left, right - leftCount});
    }

    /** The column a (possibly cast) column reference reads, or -1. */
    private static int column(RexNode node) {
        RexNode stripped = node.getKind() == SqlKind.CAST ? ((RexCall) node).getOperands().get(0) : node;
        return stripped instanceof RexInputRef reference ? reference.getIndex() : -1;
    }

}
