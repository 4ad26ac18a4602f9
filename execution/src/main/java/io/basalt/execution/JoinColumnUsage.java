package io.basalt.execution;

import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.ExpressionColumns;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which output columns of each hash join some operator above it reads: a join's key columns are usually read by
 * no one once the join is done (the build key equals the probe key, and a dimension's key joined a chain), yet
 * every joined row would gather them from the build rows at random and copy them into the next join's build side
 * (TPC-H Q7, Q8 and Q9 join five to seven tables). The join gathers only the columns marked here and puts
 * zero-filled columns of the same kind in the others' places, so the batch layout the plan's expressions refer to
 * is unchanged.
 *
 * <p>Conservative: a column counts as read unless the analysis knows better. It looks through projections (their
 * expressions' columns), filters (their condition's and the passed-through columns) and joins that output both
 * sides' columns (the columns read above, their keys and residual); under any other operator, or a node reached
 * twice, every column counts as read.
 */
final class JoinColumnUsage {

    private final Map<PhysicalNode, BitSet> read = new IdentityHashMap<>();

    private JoinColumnUsage() {
    }

    /** The columns read of every hash join under {@code root}. */
    static JoinColumnUsage of(PhysicalNode root) {
        JoinColumnUsage usage = new JoinColumnUsage();
        usage.visit(root, all(root));
        return usage;
    }

    /**
     * For each output column of {@code join} (left ++ right), whether an operator above reads it (or the join's
     * residual does); null when every column is read, or the join outputs one side only (its pairs, made for the
     * residual, are not its output).
     */
    boolean[] readColumns(HashJoinNode join) {
        if (join.joinType().outputsOneSide()) {
            return null;
        }
        BitSet columns = read.get(join);
        int width = join.output().size();
        if (columns == null || columns.cardinality() >= width) {
            return null;
        }
        boolean[] mask = new boolean[width];
        for (int c = columns.nextSetBit(0); c >= 0 && c < width; c = columns.nextSetBit(c + 1)) {
            mask[c] = true;
        }
        return mask;
    }

    private void visit(PhysicalNode node, BitSet columns) {
        BitSet earlier = read.put(node, columns);
        if (earlier != null) {
            // Reached a second time (a shared input): every column may be read.
            columns = all(node);
            read.put(node, columns);
        }
        if (node instanceof ProjectNode project) {
            BitSet input = new BitSet();
            for (Expression expression : project.expressions()) {
                addAll(input, ExpressionColumns.used(expression));
            }
            visit(project.input(), input);
        } else if (node instanceof FilterNode filter) {
            BitSet input = (BitSet) columns.clone();
            addAll(input, ExpressionColumns.used(filter.condition()));
            visit(filter.input(), input);
        } else if (node instanceof HashJoinNode join && !join.joinType().outputsOneSide()) {
            visitJoinInputs(join, columns);
        } else {
            for (PhysicalNode input : node.inputs()) {
                visit(input, all(input));
            }
        }
    }

    /** A join's inputs read: the columns read of the join, its keys and its residual's columns. */
    private void visitJoinInputs(HashJoinNode join, BitSet columns) {
        BitSet joined = (BitSet) columns.clone();
        join.residual().ifPresent(residual -> addAll(joined, ExpressionColumns.used(residual)));
        read.put(join, joined);
        int leftWidth = join.left().output().size();
        BitSet left = joined.get(0, leftWidth);
        BitSet right = joined.get(leftWidth, leftWidth + join.right().output().size());
        addAll(left, join.leftKeys());
        addAll(right, join.rightKeys());
        visit(join.left(), left);
        visit(join.right(), right);
    }

    private static void addAll(BitSet set, int[] columns) {
        for (int column : columns) {
            set.set(column);
        }
    }

    private static BitSet all(PhysicalNode node) {
        BitSet columns = new BitSet();
        columns.set(0, node.output().size());
        return columns;
    }
}
