package io.basalt.execution.join;

import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

/**
 * Joins one left (probe) batch: collects candidate pairs (equal keys, or every pair for a nested loop) in
 * chunks, keeps those where the condition is TRUE, emits joined rows, and finally emits the left rows
 * that the join type wants alone (unmatched for LEFT, FULL and ANTI; matched for SEMI). RIGHT_SEMI and
 * RIGHT_ANTI only mark the right rows matched: their rows come at the end ({@link JoinOutput#emitFinalRight}). Local to one call
 * of one worker. Cancellation is checked once per chunk of pairs: one left batch against a large right
 * side (a nested loop, or a key with many duplicates) may make billions of pairs, and a condition that
 * rarely holds emits nothing downstream that would notice a cancelled query.
 */
final class ProbeBatchJoiner {

    private static final int CHUNK = 1 << 14;

    private final JoinOutput join;
    private final ColumnBatch left;
    private final BatchConsumer output;
    private final Runnable cancellation;
    private final boolean[] leftMatched;
    private int[] leftRows;
    private int[] rightRows;
    private int pairs;
    /** Whether pair {@code i} of the current chunk has left row {@code i}, for every pair so far. */
    private boolean leftRowsInOrder = true;

    /** @param cancellation fails with 57014 when the query was cancelled */
    ProbeBatchJoiner(JoinOutput join, ColumnBatch left, BatchConsumer output, Runnable cancellation) {
        this.join = join;
        this.left = left;
        this.output = output;
        this.cancellation = cancellation;
        this.leftMatched = new boolean[left.rowCount()];
        // Most joins find about one pair per left row: start there and grow up to a chunk.
        int capacity = Math.min(CHUNK, Math.max(64, left.rowCount()));
        this.leftRows = new int[capacity];
        this.rightRows = new int[capacity];
    }

    void addPair(int leftRow, int rightRow) {
        makeRoom();
        leftRowsInOrder &= leftRow == pairs;
        leftRows[pairs] = leftRow;
        rightRows[pairs] = rightRow;
        pairs++;
    }

    /**
     * Adds the pairs {@code (lefts[i], rights[i])} for {@code i < count}, copied in runs rather than one call a pair.
     *
     * @param lefts left rows in strictly increasing order (one pair per left row: a unique-key build side)
     */
    void addPairs(int[] lefts, int[] rights, int count) {
        for (int from = 0; from < count; ) {
            makeRoom();
            int n = Math.min(count - from, leftRows.length - pairs);
            // Strictly increasing rows are consecutive from the chunk's pair index when both ends are.
            leftRowsInOrder &= lefts[from] == pairs && lefts[from + n - 1] == pairs + n - 1;
            System.arraycopy(lefts, from, leftRows, pairs, n);
            System.arraycopy(rights, from, rightRows, pairs, n);
            pairs += n;
            from += n;
        }
    }

    /** Grows the pair arrays up to a chunk, or flushes a full chunk, when no pair is free. */
    private void makeRoom() {
        if (pairs == leftRows.length) {
            if (pairs < CHUNK) {
                leftRows = java.util.Arrays.copyOf(leftRows, Math.min(CHUNK, pairs * 2));
                rightRows = java.util.Arrays.copyOf(rightRows, leftRows.length);
            } else {
                flush();
            }
        }
    }

    /** Records a match found without building the pair (SEMI and ANTI without a condition). */
    void matched(int leftRow) {
        leftMatched[leftRow] = true;
    }

    /** Records a right row's match found without building the pair (RIGHT_SEMI and RIGHT_ANTI without a condition). */
    void matchedRight(int rightRow) {
        join.markRightMatched(rightRow);
    }

    boolean isMatched(int leftRow) {
        return leftMatched[leftRow];
    }

    private void flush() {
        if (pairs == 0) {
            return;
        }
        cancellation.run();
        JoinType type = join.type();
        boolean emitsPairs = !type.outputsOneSide();
        // Every left row once, in order (a key/foreign-key join whose probe scan's join filter already dropped the
        // rows without a match): the left vectors are the pairs' left columns as they are.
        boolean everyLeftRowInOrder = leftRowsInOrder && pairs == left.rowCount();
        ColumnBatch joined = emitsPairs || join.condition() != null
                ? join.pairs(left, leftRows, rightRows, pairs, everyLeftRowInOrder) : null;
        int[] kept = null;
        int keptCount = pairs;
        if (join.condition() != null) {
            ColumnVector condition = join.condition().evaluate(joined);
            kept = new int[pairs];
            keptCount = Selection.trueRows(condition, pairs, kept);
        }
        boolean trackRight = JoinOutput.tracksRightMatches(type);
        // INNER, RIGHT, RIGHT_SEMI and RIGHT_ANTI output no left row alone: their matches need no marking.
        boolean trackLeft = outputsLeftRowsAlone(type);
        if (trackLeft || trackRight) {
            markMatched(kept, keptCount, trackRight);
        }
        if (emitsPairs && keptCount > 0) {
            output.accept(kept == null ? joined : Selection.apply(joined, kept, keptCount));
        }
        pairs = 0;
        leftRowsInOrder = true;
    }

    /** Marks the left rows, and the right rows too when {@code trackRight}, of the pairs kept (all when null). */
    private void markMatched(int[] kept, int keptCount, boolean trackRight) {
        for (int i = 0; i < keptCount; i++) {
            int pair = kept == null ? i : kept[i];
            leftMatched[leftRows[pair]] = true;
            if (trackRight) {
                join.markRightMatched(rightRows[pair]);
            }
        }
    }

    /** LEFT and FULL (unmatched rows, padded), SEMI (matched rows) and ANTI (unmatched rows). */
    private static boolean outputsLeftRowsAlone(JoinType type) {
        return type == JoinType.LEFT || type == JoinType.FULL || type == JoinType.SEMI || type == JoinType.ANTI;
    }

    /** Flushes the last pairs and emits the left rows the join type outputs alone. */
    void finish() {
        flush();
        JoinType type = join.type();
        if (!outputsLeftRowsAlone(type)) {
            return;
        }
        boolean wantMatched = type == JoinType.SEMI;
        int[] rows = new int[leftMatched.length];
        int count = JoinOutput.rowsFlagged(leftMatched, 0, leftMatched.length, wantMatched, rows, 0);
        if (count == 0) {
            return;
        }
        output.accept(type == JoinType.LEFT || type == JoinType.FULL
                ? join.leftPadded(left, rows, count)
                : join.leftOnly(left, rows, count));
    }
}
