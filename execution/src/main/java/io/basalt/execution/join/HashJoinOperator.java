package io.basalt.execution.join;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.expression.ExpressionCompiler;
import io.basalt.execution.hash.KeyEquality;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.vector.RowStore;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * The probe side of a hash join: each left batch looks its keys up in the table the build pipeline made
 * (shared, read-only, probed by all workers at once) and joins through {@link ProbeBatchJoiner}. NULL keys
 * never match. With {@code nullAwareAnti} the ANTI join follows NOT IN: a left row is dropped when some
 * right row might equal it once NULLs are taken as unknown (the right side has a NULL key, or the left key
 * is NULL and the right side is not empty), and the residual, if any, restricts which right rows count.
 * When the build side spilled to disk, {@link SpilledHashJoin} routes each batch's rows by key partition.
 */
public final class HashJoinOperator implements StreamingOperator {

    private final HashJoinNode node;
    private final HashBuildSink build;
    private final Runnable cancellation;
    private final CompiledExpression residual;
    private final List<PhysicalKind> leftKinds;
    private final KeyEquality[] keyEqualities;
    private final ProbeMatching matching;
    private volatile JoinOutput output;
    private volatile SpilledHashJoin spilledJoin;

    /** @param cancellation fails with 57014 when the query was cancelled; checked per chunk of joined pairs */
    public HashJoinOperator(HashJoinNode node, HashBuildSink build, Runnable cancellation) {
        this.node = node;
        this.build = build;
        this.cancellation = cancellation;
        this.residual = node.residual().map(ExpressionCompiler::compile).orElse(null);
        this.matching = ProbeMatching.of(node.joinType(), residual != null);
        this.leftKinds = node.left().output().stream().map(column -> column.type().physicalKind()).toList();
        this.keyEqualities = new KeyEquality[node.leftKeys().length];
        List<Column> left = node.left().output();
        List<Column> right = node.right().output();
        for (int k = 0; k < keyEqualities.length; k++) {
            LogicalType leftType = left.get(node.leftKeys()[k]).type();
            LogicalType rightType = right.get(node.rightKeys()[k]).type();
            checkComparable(leftType, rightType);
            keyEqualities[k] = KeyEquality.of(leftType.physicalKind());
        }
    }

    /** Keys are compared by their stored representation, which only means the same value for like types. */
    static void checkComparable(LogicalType left, LogicalType right) {
        boolean sameRepresentation = left.physicalKind() == right.physicalKind()
                && (left.kind() != TypeKind.DECIMAL && right.kind() != TypeKind.DECIMAL || left.scale() == right.scale())
                && (left.kind() == TypeKind.DATE) == (right.kind() == TypeKind.DATE)
                && (left.kind() == TypeKind.TIMESTAMP) == (right.kind() == TypeKind.TIMESTAMP);
        if (!sameRepresentation) {
            throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                    "not supported yet: joining " + left + " with " + right + " without a cast");
        }
    }

    private JoinOutput output() {
        JoinOutput current = output;
        if (current == null) {
            synchronized (this) {
                if (output == null) {
                    output = newOutput(build.table().rows());
                }
                current = output;
            }
        }
        return current;
    }

    /** How this join puts its rows together, over the build rows {@code right} (all of them, or a partition's). */
    JoinOutput newOutput(RowStore right) {
        return new JoinOutput(node.joinType(), residual, leftKinds, right);
    }

    /** The join of a build side that spilled to disk, made on first use (after the build finished). */
    private SpilledHashJoin spilledJoin() {
        SpilledHashJoin current = spilledJoin;
        if (current == null) {
            synchronized (this) {
                if (spilledJoin == null) {
                    spilledJoin = new SpilledHashJoin(this, node, build.spilled(), build.kinds(), leftKinds,
                            build.memory(), build.spillSpace(), cancellation);
                }
                current = spilledJoin;
            }
        }
        return current;
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer consumer) {
        if (input.rowCount() == 0) {
            return;
        }
        if (build.spilled() != null) {
            spilledJoin().process(input, consumer);
        } else {
            probe(input, build.table(), output(), consumer);
        }
    }

    /** Joins one probe batch with {@code table} (the whole build side, or the partition of the batch's rows). */
    void probe(ColumnBatch input, JoinHashTable table, JoinOutput join, BatchConsumer consumer) {
        int rows = input.rowCount();
        ProbeBatchJoiner joiner = new ProbeBatchJoiner(join, input, consumer, cancellation);
        ColumnVector[] keys = new ColumnVector[node.leftKeys().length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = input.column(node.leftKeys()[k]);
        }
        if (node.nullAwareAnti() && table.rowCount() > 0) {
            if (keys.length == 1 && residual == null) {
                probeSingleKeyNotIn(table, keys, rows, joiner);
            } else {
                probeNotIn(table, keys, rows, joiner);
            }
            joiner.finish();
            return;
        }
        int[] positions = new int[rows];
        int count = JoinHashTable.rowsWithoutNullKeys(keys, rows, positions);
        int[] groups = new int[count];
        table.find(keys, positions, count, groups);
        matching.emit(table, positions, groups, count, joiner);
        joiner.finish();
    }

    /** NOT IN over one key without a residual: any NULL decides for every row at once. */
    private static void probeSingleKeyNotIn(JoinHashTable table, ColumnVector[] keys, int rows, ProbeBatchJoiner joiner) {
        if (table.nullKeyRows().length > 0) {
            for (int row = 0; row < rows; row++) {
                joiner.matched(row);
            }
            return;
        }
        int[] positions = new int[rows];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            if (keys[0].isNull(row)) {
                joiner.matched(row); // NULL NOT IN (non-empty set) is NULL: the row goes
            } else {
                positions[count++] = row;
            }
        }
        int[] groups = new int[count];
        table.find(keys, positions, count, groups);
        for (int i = 0; i < count; i++) {
            if (groups[i] >= 0) {
                joiner.matched(positions[i]);
            }
        }
    }

    /**
     * NOT IN over several keys, or with a residual: a right row disqualifies a left row when every key pair
     * is equal or involves a NULL (so the row-value comparison is not FALSE) and the residual is TRUE.
     */
    private void probeNotIn(JoinHashTable table, ColumnVector[] keys, int rows, ProbeBatchJoiner joiner) {
        ColumnVector[] rightKeys = table.keyVectors();
        int[] nullKeyRows = table.nullKeyRows();
        int[] single = new int[1];
        int[] group = new int[1];
        for (int row = 0; row < rows; row++) {
            if (JoinHashTable.anyNull(keys, row)) {
                for (int right = 0; right < table.rowCount(); right++) {
                    if (mayBeEqual(keys, row, rightKeys, right)) {
                        joiner.addPair(row, right);
                    }
                }
                continue;
            }
            single[0] = row;
            table.find(keys, single, 1, group);
            if (group[0] >= 0) {
                for (int right = table.firstRow(group[0]); right >= 0; right = table.nextRow(right)) {
                    joiner.addPair(row, right);
                }
            }
            for (int right : nullKeyRows) {
                if (mayBeEqual(keys, row, rightKeys, right)) {
                    joiner.addPair(row, right);
                }
            }
        }
    }

    private boolean mayBeEqual(ColumnVector[] left, int leftRow, ColumnVector[] right, int rightRow) {
        for (int k = 0; k < left.length; k++) {
            if (left[k].isNull(leftRow) || right[k].isNull(rightRow)) {
                continue;
            }
            if (!keyEqualities[k].equal(left[k], leftRow, right[k], rightRow)) {
                return false;
            }
        }
        return true;
    }

    /** The unmatched build rows of RIGHT and FULL joins, and the spilled partitions of a build that spilled. */
    @Override
    public boolean hasFinalOutput() {
        return JoinOutput.tracksRightMatches(node.joinType()) || build.spilled() != null;
    }

    @Override
    public void finish(BatchConsumer consumer) {
        while (finishStep(consumer)) {
            // each step emits a bounded part of a spilled join's rows
        }
    }

    @Override
    public boolean finishStep(BatchConsumer consumer) {
        if (build.spilled() != null) {
            return spilledJoin().finishStep(consumer);
        }
        output().emitFinalRight(consumer);
        return false;
    }

    @Override
    public void close() {
        try {
            SpilledHashJoin spilled = spilledJoin;
            if (spilled != null) {
                spilled.close();
            }
        } finally {
            build.close();
        }
    }
}
