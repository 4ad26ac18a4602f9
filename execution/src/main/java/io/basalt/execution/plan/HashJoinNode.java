package io.basalt.execution.plan;

import io.basalt.execution.expression.Expression;

import java.util.List;
import java.util.Optional;

/**
 * An equi-join: builds a hash table on the right input's keys once, then probes it with the left input in
 * parallel. Keys never match when NULL (SQL equality), except that {@code nullAwareAnti} gives an ANTI join
 * the semantics of {@code NOT IN}: if the right side has any NULL key, or the left key is NULL and the right
 * side is not empty, the left row is not output. RIGHT_SEMI and RIGHT_ANTI output the right (build) rows that
 * some left row matched or none did, once the whole left side has been probed.
 *
 * @param residual a further condition over the concatenated left and right columns, evaluated on key
 *                 matches (a row pair joins only if it is TRUE)
 */
public record HashJoinNode(JoinType joinType, PhysicalNode left, PhysicalNode right, int[] leftKeys, int[] rightKeys,
                           Optional<Expression> residual, boolean nullAwareAnti, List<Column> output,
                           double estimatedRows) implements PhysicalNode {

    public HashJoinNode {
        leftKeys = leftKeys.clone();
        rightKeys = rightKeys.clone();
        output = List.copyOf(output);
        if (leftKeys.length != rightKeys.length || leftKeys.length == 0) {
            throw new IllegalArgumentException("a hash join needs matching, non-empty key lists");
        }
        if (nullAwareAnti && joinType != JoinType.ANTI) {
            throw new IllegalArgumentException("nullAwareAnti applies to ANTI joins only");
        }
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(left, right);
    }
}
