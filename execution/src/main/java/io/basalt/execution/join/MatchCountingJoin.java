package io.basalt.execution.join;

import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.vector.RowStore;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A RIGHT hash join whose rows an aggregation would only count per build row (TPC-H Q13: orders RIGHT JOIN customer,
 * then {@code COUNT(o_orderkey)} per customer): the probe adds each match to its build row's counters instead of
 * emitting the joined row, and once every probe row was seen the join emits one row per build row, its group key
 * columns followed by one count per aggregate. The aggregation above sums those counts per group, which gives the
 * counts over the joined rows whether or not the group keys are unique among the build rows.
 *
 * <p>A count is the build row's matches whose counted probe columns are all non-NULL, or for {@code COUNT(*)} (no
 * counted columns) its matches, and 1 when it has none: the RIGHT join outputs an unmatched build row once, padded.
 * The probe counts per key group, not per build row (every build row of a group has the same matches), so it reads
 * no chains of build rows: one increment per probe row and count, in an int array of the group count that a
 * worker has to itself (taken from and returned to a pool; folded into long totals before it could overflow),
 * summed at the end and handed to each group's build rows.
 * A build side that spilled to disk is joined as usual ({@link HashJoinOperator}) and each joined row becomes a row
 * of counts 0 or 1, which sums to the same.
 */
public final class MatchCountingJoin implements StreamingOperator {

    private static final int BATCH_ROWS = 1 << 14;

    private final HashJoinNode node;
    private final HashBuildSink build;
    private final int[] groupColumns;
    private final int[][] countedColumns;
    private final Runnable cancellation;
    private final HashJoinOperator spilledJoin;
    /** The workers' counts per group, each taken by one worker at a time. */
    private final ConcurrentLinkedQueue<GroupCounts> counters = new ConcurrentLinkedQueue<>();
    /** Every worker's counts added up, per count and group: at the end, or when an int could overflow. */
    private long[][] overflow;
    private final int leftColumnCount;

    /**
     * @param groupColumns   the build columns to emit
     * @param countedColumns per count, the probe columns a match needs non-NULL; null for {@code COUNT(*)}
     * @param cancellation   fails with 57014 when the query was cancelled
     */
    public MatchCountingJoin(HashJoinNode node, HashBuildSink build, int[] groupColumns, int[][] countedColumns,
                             Runnable cancellation) {
        if (node.joinType() != JoinType.RIGHT || node.residual().isPresent()) {
            throw new IllegalArgumentException("only a RIGHT join without residual counts its matches in place");
        }
        this.node = node;
        this.build = build;
        this.groupColumns = groupColumns.clone();
        this.countedColumns = countedColumns.clone();
        this.cancellation = cancellation;
        this.spilledJoin = new HashJoinOperator(node, build, cancellation);
        this.leftColumnCount = node.left().output().size();
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer consumer) {
        if (input.rowCount() == 0) {
            return;
        }
        if (build.spilled() != null) {
            spilledJoin.process(input, joined -> consumer.accept(countsOfJoinedRows(joined)));
            return;
        }
        JoinHashTable table = build.table();
        GroupCounts counts = counters.poll();
        if (counts == null) {
            build.memory().grow(4L * table.groupBound() * countedColumns.length);
            counts = new GroupCounts(countedColumns.length, table.groupBound());
        }
        try {
            if (counts.added > Integer.MAX_VALUE - input.rowCount()) {
                counts.foldInto(overflow(table.groupBound()));
            }
            count(input, table, counts.counts);
            counts.added += input.rowCount();
        } finally {
            counters.add(counts);
        }
    }

    /**
     * Counts each probe row once per count whose columns it has non-NULL, at its key's group: every build row of the
     * group gets that count at the end ({@link #finishStep}), so the probe reads no chain of build rows.
     */
    private void count(ColumnBatch input, JoinHashTable table, int[][] counts) {
        int rows = input.rowCount();
        ColumnVector[] keys = new ColumnVector[node.leftKeys().length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = input.column(node.leftKeys()[k]);
        }
        int[] positions = new int[rows];
        int count = JoinHashTable.rowsWithoutNullKeys(keys, rows, positions);
        int[] groups = new int[count];
        table.find(keys, positions, count, groups);
        ColumnVector[][] counted = countedVectors(input);
        for (int c = 0; c < counted.length; c++) {
            int[] target = counts[c];
            ColumnVector[] vectors = counted[c];
            for (int i = 0; i < count; i++) {
                int group = groups[i];
                if (group >= 0 && (vectors == null || !JoinHashTable.anyNull(vectors, positions[i]))) {
                    target[group]++;
                }
            }
        }
    }

    /** Long totals that a worker's int counts are added to before they could overflow; made on first need. */
    private synchronized long[][] overflow(int groups) {
        if (overflow == null) {
            build.memory().grow(8L * groups * countedColumns.length);
            overflow = new long[countedColumns.length][groups];
        }
        return overflow;
    }

    /** One worker's counts per count and group, and how many probe rows were added since they were last folded. */
    private static final class GroupCounts {

        final int[][] counts;
        long added;

        GroupCounts(int countColumns, int groups) {
            counts = new int[countColumns][groups];
        }

        /** Adds the counts to {@code totals} and starts again from zero. */
        void foldInto(long[][] totals) {
            synchronized (totals) {
                for (int c = 0; c < counts.length; c++) {
                    for (int group = 0; group < counts[c].length; group++) {
                        totals[c][group] += counts[c][group];
                    }
                }
            }
            for (int[] column : counts) {
                Arrays.fill(column, 0);
            }
            added = 0;
        }
    }

    /** Per count, the probe batch's vectors that must be non-NULL (null for {@code COUNT(*)}). */
    private ColumnVector[][] countedVectors(ColumnBatch input) {
        ColumnVector[][] vectors = new ColumnVector[countedColumns.length][];
        for (int c = 0; c < countedColumns.length; c++) {
            if (countedColumns[c] != null) {
                vectors[c] = new ColumnVector[countedColumns[c].length];
                for (int i = 0; i < countedColumns[c].length; i++) {
                    vectors[c][i] = input.column(countedColumns[c][i]);
                }
            }
        }
        return vectors;
    }

    /** Joined rows (probe columns, then build columns) as rows of group columns and counts of 0 or 1. */
    private ColumnBatch countsOfJoinedRows(ColumnBatch joined) {
        int rows = joined.rowCount();
        List<ColumnVector> columns = new ArrayList<>(groupColumns.length + countedColumns.length);
        for (int column : groupColumns) {
            columns.add(joined.column(leftColumnCount + column));
        }
        ColumnVector[][] counted = countedVectors(joined);
        for (ColumnVector[] vectors : counted) {
            LongVector ones = new LongVector(rows);
            long[] values = ones.values();
            for (int row = 0; row < rows; row++) {
                values[row] = vectors != null && JoinHashTable.anyNull(vectors, row) ? 0 : 1;
            }
            ones.setPositionCount(rows);
            columns.add(ones);
        }
        return new ColumnBatch(rows, columns);
    }

    @Override
    public boolean hasFinalOutput() {
        return true;
    }

    @Override
    public void finish(BatchConsumer consumer) {
        while (finishStep(consumer)) {
            // a spilled join emits its partitions one step at a time
        }
    }

    @Override
    public boolean finishStep(BatchConsumer consumer) {
        if (build.spilled() != null) {
            return spilledJoin.finishStep(joined -> consumer.accept(countsOfJoinedRows(joined)));
        }
        JoinHashTable table = build.table();
        RowStore rows = table.rows();
        long[][] totals = totals(table.groupBound());
        int[] groupOfRow = groupOfBuildRow(table);
        for (int from = 0; from < rows.rowCount(); from += BATCH_ROWS) {
            int length = Math.min(BATCH_ROWS, rows.rowCount() - from);
            List<ColumnVector> columns = new ArrayList<>(groupColumns.length + countedColumns.length);
            for (int column : groupColumns) {
                columns.add(VectorCopier.slice(rows.column(column), from, length));
            }
            for (int c = 0; c < countedColumns.length; c++) {
                LongVector vector = new LongVector(length);
                long[] values = vector.values();
                long[] total = totals[c];
                // An unmatched build row (or one with a NULL key) is one padded row for COUNT(*), none of its matches.
                long unmatched = countedColumns[c] == null ? 1 : 0;
                for (int i = 0; i < length; i++) {
                    int group = groupOfRow[from + i];
                    long matches = group < 0 ? 0 : total[group];
                    values[i] = matches == 0 ? unmatched : matches;
                }
                vector.setPositionCount(length);
                columns.add(vector);
            }
            consumer.accept(new ColumnBatch(length, columns));
        }
        return false;
    }

    /** The workers' counts added up, per count and group. */
    private long[][] totals(int groups) {
        long[][] totals = overflow(groups);
        for (GroupCounts counts = counters.poll(); counts != null; counts = counters.poll()) {
            counts.foldInto(totals);
            build.memory().shrink(4L * groups * countedColumns.length);
        }
        return totals;
    }

    /** Each build row's key group, -1 for a row with a NULL key. */
    private int[] groupOfBuildRow(JoinHashTable table) {
        build.memory().grow(4L * table.rowCount());
        int[] groupOfRow = new int[table.rowCount()];
        Arrays.fill(groupOfRow, -1);
        for (int group = 0; group < table.groupBound(); group++) {
            for (int row = table.firstRow(group); row >= 0; row = table.nextRow(row)) {
                groupOfRow[row] = group;
            }
        }
        return groupOfRow;
    }

    @Override
    public void close() {
        spilledJoin.close();
    }
}
