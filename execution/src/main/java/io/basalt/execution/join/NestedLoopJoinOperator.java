package io.basalt.execution.join;

import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.expression.ExpressionCompiler;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.NestedLoopJoinNode;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;

import java.util.List;

/**
 * A join without equality keys: every left row meets every right row (the materialized right input), and
 * the condition, evaluated a chunk of pairs at a time, decides. Without a condition it is a cross join.
 */
public final class NestedLoopJoinOperator implements StreamingOperator {

    private final NestedLoopJoinNode node;
    private final MaterializeSink right;
    private final Runnable cancellation;
    private final CompiledExpression condition;
    private final List<PhysicalKind> leftKinds;
    private volatile JoinOutput output;

    /** @param cancellation fails with 57014 when the query was cancelled; checked per chunk of pairs */
    public NestedLoopJoinOperator(NestedLoopJoinNode node, MaterializeSink right, Runnable cancellation) {
        this.node = node;
        this.right = right;
        this.cancellation = cancellation;
        this.condition = node.condition().map(ExpressionCompiler::compile).orElse(null);
        this.leftKinds = node.left().output().stream().map(column -> column.type().physicalKind()).toList();
    }

    private JoinOutput output() {
        JoinOutput current = output;
        if (current == null) {
            synchronized (this) {
                if (output == null) {
                    output = new JoinOutput(node.joinType(), condition, leftKinds, right.rows());
                }
                current = output;
            }
        }
        return current;
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer consumer) {
        int rows = input.rowCount();
        if (rows == 0) {
            return;
        }
        JoinOutput join = output();
        int rightRows = join.right().rowCount();
        ProbeBatchJoiner joiner = new ProbeBatchJoiner(join, input, consumer, cancellation);
        JoinType type = node.joinType();
        if (condition == null && (type == JoinType.SEMI || type == JoinType.ANTI)) {
            if (rightRows > 0) {
                for (int row = 0; row < rows; row++) {
                    joiner.matched(row);
                }
            }
        } else {
            for (int row = 0; row < rows; row++) {
                for (int other = 0; other < rightRows; other++) {
                    joiner.addPair(row, other);
                }
            }
        }
        joiner.finish();
    }

    @Override
    public boolean hasFinalOutput() {
        return JoinOutput.tracksRightMatches(node.joinType());
    }

    @Override
    public void finish(BatchConsumer consumer) {
        output().emitFinalRight(consumer);
    }

    @Override
    public void close() {
        right.close();
    }
}
