package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.Selection;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;

/**
 * Hybrid hash aggregation of one table: rows go into {@link PartialAggregation} while its memory can grow; once
 * it cannot, the table stops taking new keys. Rows whose key is already in the table keep accumulating there;
 * rows with a new key are spilled to key-hash partitions ({@link SpillPartitions}), each aggregated on its own
 * later. Every row of a key thus ends up in exactly one place, which keeps every aggregate exact (ordered
 * string_agg, percentiles, DISTINCT) without having to write accumulator states to disk.
 *
 * <p>Before each step it prepays (see {@link MemoryReservation#tryPrepay}) an upper bound of what the step can
 * reserve: twice what the table holds (a step may double the table's arrays, old and new held at once) plus a
 * few copies of the batch (its keys and arguments copied into keys, DISTINCT sets and collected values). When
 * that does not fit, the table is full. So nothing spills while everything fits, and a step never fails half
 * done for lack of memory. Growth of groups already in memory (collected values, DISTINCT entries) is not
 * bounded this way: a group that alone outgrows the budget fails the query with 53200.
 */
final class HybridAggregation {

    /** Bytes allowed per row and copy for what {@link VectorSizes} does not see (array slack, object headers). */
    private static final long ROW_OVERHEAD = 64;

    private final AggregationLayout layout;
    private final PartialAggregation partial;
    private final MemoryReservation memory;
    private final SpillSpace space;
    private final int partitions;
    private final int depth;
    private SpillPartitions spilled;
    private boolean full;

    /**
     * @param memory     the reservation {@code partial} reserves through, held by nothing else, so that its held
     *                   bytes are the table's
     * @param partitions the partitions rows are spilled to
     * @param depth      0 for the workers, one more for each re-split of a spilled partition
     */
    HybridAggregation(AggregationLayout layout, PartialAggregation partial, MemoryReservation memory, SpillSpace space,
                      int partitions, int depth) {
        this.layout = layout;
        this.partial = partial;
        this.memory = memory;
        this.space = space;
        this.partitions = partitions;
        this.depth = depth;
    }

    PartialAggregation partial() {
        return partial;
    }

    /** Whether the table stopped taking new keys. */
    boolean isFull() {
        return full;
    }

    /** The partitions spilled so far, or null when nothing spilled. */
    SpillPartitions spilled() {
        return spilled;
    }

    /** Adds an input batch: each row once per grouping set. */
    void addInput(ColumnBatch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        if (fits(batch, layout.setCount())) {
            try {
                partial.add(batch);
            } finally {
                memory.releasePrepaid();
            }
            return;
        }
        int[] all = Selection.all(rows);
        for (int set = 0; set < layout.setCount(); set++) {
            addWhenFull(batch, set, all, rows);
        }
    }

    /** Adds a batch read back from a spill file, whose rows each carry the grouping set they were spilled for. */
    void addSpilled(ColumnBatch batch) {
        int rows = batch.rowCount();
        if (!layout.hasGroupingSets()) {
            add(batch, 0, Selection.all(rows), rows);
            return;
        }
        LongVector sets = (LongVector) batch.column(layout.inputTypes.size());
        int[] positions = new int[rows];
        for (int set = 0; set < layout.setCount(); set++) {
            int count = 0;
            for (int row = 0; row < rows; row++) {
                if (sets.get(row) == set) {
                    positions[count++] = row;
                }
            }
            add(batch, set, positions, count);
        }
    }

    private void add(ColumnBatch batch, int set, int[] positions, int count) {
        if (count == 0) {
            return;
        }
        if (fits(batch, 1)) {
            try {
                partial.add(batch, set, positions, count);
            } finally {
                memory.releasePrepaid();
            }
            return;
        }
        addWhenFull(batch, set, positions, count);
    }

    /** Prepays the bound of adding {@code batch} {@code times} times; false (and full from then on) if it does not fit. */
    private boolean fits(ColumnBatch batch, int times) {
        if (full) {
            return false;
        }
        long copies = 2L + layout.calls.size();
        long perAdd = (VectorSizes.bytes(batch) + ROW_OVERHEAD * batch.rowCount()) * copies;
        if (memory.tryPrepay(2 * memory.heldBytes() + perAdd * times)) {
            return true;
        }
        full = true;
        return false;
    }

    /** Spills every row of an input batch without looking at the table (a batch that is not pre-aggregated). */
    void spill(ColumnBatch batch) {
        for (int set = 0; set < layout.setCount(); set++) {
            spill(batch, set, Selection.all(batch.rowCount()), batch.rowCount());
        }
    }

    private void spill(ColumnBatch batch, int set, int[] positions, int count) {
        if (count == 0) {
            return;
        }
        if (spilled == null) {
            if (depth > SpillPartitions.MAX_DEPTH) {
                throw new ExecutionException(ExecutionException.OUT_OF_MEMORY, "query exceeded its memory limit while "
                        + memory.purpose() + ": the groups of one partition still do not fit after splitting it "
                        + SpillPartitions.MAX_DEPTH + " times (" + partial.groups.groupCount() + " groups in memory)");
            }
            spilled = new SpillPartitions(space, layout, partitions, depth);
        }
        spilled.write(batch, set, positions, count);
    }

    /** The rows whose key the table has join their group; the others are spilled. */
    private void addWhenFull(ColumnBatch batch, int set, int[] positions, int count) {
        int[] groups = new int[count];
        partial.groups.find(layout.keys(batch, set), positions, count, groups);
        int[] present = new int[count];
        int[] absent = new int[count];
        int presentCount = 0;
        int absentCount = 0;
        for (int i = 0; i < count; i++) {
            if (groups[i] >= 0) {
                present[presentCount++] = positions[i];
            } else {
                absent[absentCount++] = positions[i];
            }
        }
        partial.add(batch, set, present, presentCount);
        spill(batch, set, absent, absentCount);
    }
}
