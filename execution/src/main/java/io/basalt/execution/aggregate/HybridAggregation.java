package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.Selection;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/**
 * Hybrid hash aggregation of one table: rows go into {@link PartialAggregation} while its memory can grow; once
 * it cannot, the table stops taking new keys. Rows whose key is already in the table keep accumulating there;
 * rows with a new key are spilled to key-hash partitions ({@link SpillPartitions}), each aggregated on its own
 * later. Every row of a key thus ends up in exactly one place, which keeps every aggregate exact (ordered
 * string_agg, percentiles, DISTINCT) without having to write accumulator states to disk.
 *
 * <p>Before each step it prepays (see {@link MemoryReservation#tryPrepay}) an upper bound of what the step can
 * reserve (see {@link #bound}); a step whose bound does not fit is halved, and when even a small step does not
 * fit, the table is full. So nothing spills while everything fits, and a step never fails half done for lack of
 * memory. Growth of groups already in memory (collected values, DISTINCT entries) is not
 * bounded this way: a group that alone outgrows the budget fails the query with 53200.
 */
final class HybridAggregation {

    /** Bytes of slots and keys bookkeeping a new group may take. */
    private static final long NEW_GROUP_BYTES = 64;

    /** Bytes of fixed state per group and call (sums, counts, MIN/MAX; wide decimals take two longs and a flag). */
    private static final long STATE_BYTES = 24;

    /** Fewest rows of a step that is halved when its bound does not fit. */
    private static final int MIN_STEP_ROWS = 64;

    /** The set argument of {@link #add} that adds rows once per grouping set. */
    private static final int EVERY_SET = -1;

    private final AggregationLayout layout;
    private final PartialAggregation partial;
    private final MemoryReservation memory;
    private final SpillSpace space;
    private final int partitions;
    private final int depth;
    /** Calls whose state copies values: DISTINCT sets, collected values, MIN/MAX of strings. */
    private final int valueKeepingCalls;
    private final MemoryReservation shared;
    private final long sharedCap;
    private SpillPartitions spilled;
    private boolean full;
    /** Bytes held for copying the keys out when the groups are emitted (while other tables take what is free). */
    private long emissionReserve;
    /** See {@link #everyRow}. */
    private int[] identity = new int[0];

    /**
     * @param memory     the reservation {@code partial} reserves through, held by nothing else, so that its held
     *                   bytes are the table's
     * @param partitions the partitions rows are spilled to
     * @param depth      0 for the workers, one more for each re-split of a spilled partition
     */
    HybridAggregation(AggregationLayout layout, PartialAggregation partial, MemoryReservation memory, SpillSpace space,
                      int partitions, int depth) {
        this(layout, partial, memory, space, partitions, depth, memory, Long.MAX_VALUE);
    }

    /**
     * @param shared    a reservation the table's bytes count in together with other tables (the workers' tables)
     * @param sharedCap the bytes {@code shared} may hold before this table counts as full: room the tables leave
     *                  for merging them
     */
    HybridAggregation(AggregationLayout layout, PartialAggregation partial, MemoryReservation memory, SpillSpace space,
                      int partitions, int depth, MemoryReservation shared, long sharedCap) {
        this.layout = layout;
        this.partial = partial;
        this.memory = memory;
        this.space = space;
        this.partitions = partitions;
        this.depth = depth;
        this.shared = shared;
        this.sharedCap = sharedCap;
        int keeping = 0;
        for (int c = 0; c < partial.accumulators.length; c++) {
            Accumulator accumulator = partial.accumulators[c];
            keeping += layout.distinct[c] || accumulator instanceof CollectingAccumulator
                    || accumulator instanceof BytesMinMaxAccumulator ? 1 : 0;
        }
        this.valueKeepingCalls = keeping;
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
        add(batch, EVERY_SET, everyRow(rows), rows);
    }

    /**
     * The identity selection {@code 0 .. rows-1} (possibly longer), built once and reused for every input batch: nothing
     * keeps or changes the positions handed to {@link #add}.
     */
    private int[] everyRow(int rows) {
        if (identity.length < rows) {
            identity = Selection.all(rows);
        }
        return identity;
    }

    /** Adds a batch read back from a spill file, whose rows each carry the grouping set they were spilled for. */
    void addSpilled(ColumnBatch batch) {
        int rows = batch.rowCount();
        if (!layout.hasGroupingSets()) {
            add(batch, 0, Selection.all(rows), rows);
            return;
        }
        LongVector sets = (LongVector) batch.column(layout.inputTypes.size());
        for (int set = 0; set < layout.setCount(); set++) {
            int[] positions = new int[rows];
            int count = 0;
            for (int row = 0; row < rows; row++) {
                if (sets.get(row) == set) {
                    positions[count++] = row;
                }
            }
            add(batch, set, positions, count);
        }
    }

    /**
     * Adds rows {@code positions[0..count)} for grouping set {@code set} ({@link #EVERY_SET}: once per set). A step
     * whose bound does not fit is halved before the table is declared full: with a small budget, a step of fewer
     * rows may still fit. Full is for good: a key spilled once must never enter the table later.
     */
    private void add(ColumnBatch batch, int set, int[] positions, int count) {
        if (count == 0) {
            return;
        }
        if (!full) {
            long bound = bound(batch, set == EVERY_SET ? layout.setCount() : 1, count);
            if (shared.heldBytes() + bound <= sharedCap && memory.tryPrepay(bound)) {
                try {
                    if (set == EVERY_SET && positions == identity && count == batch.rowCount()) {
                        partial.addEveryRow(batch, identity);
                    } else if (set == EVERY_SET) {
                        partial.add(batch, positions, count);
                    } else {
                        partial.add(batch, set, positions, count);
                    }
                    reserveKeysCopy();
                } finally {
                    memory.releasePrepaid();
                }
                return;
            }
            if (count > MIN_STEP_ROWS) {
                int half = count / 2;
                add(batch, set, Arrays.copyOfRange(positions, 0, half), half);
                add(batch, set, Arrays.copyOfRange(positions, half, count), count - half);
                return;
            }
            full = true;
        }
        if (set == EVERY_SET) {
            for (int each = 0; each < layout.setCount(); each++) {
                addWhenFull(batch, each, positions, count);
            }
        } else {
            addWhenFull(batch, set, positions, count);
        }
    }

    /** Holds what copying the keys out will take, from the prepayment: a new group's bound covers it. */
    private void reserveKeysCopy() {
        long keysCopy = partial.groups.keysCopyBytes();
        memory.grow(keysCopy - emissionReserve);
        emissionReserve = keysCopy;
    }

    /** Whether {@link #addInputSelected} adds a selection in place: while the table takes new keys and its calls can. */
    boolean takesSelections() {
        return !full && partial.takesSelections();
    }

    /**
     * Adds the rows {@code positions[0, count)} of an input batch, each once per grouping set: in place
     * ({@link PartialAggregation#addSelected}) while the table takes new keys and the whole batch's bound fits, else
     * as a row list the way {@link #add} adds one (halving steps, spilling).
     */
    void addInputSelected(ColumnBatch batch, int[] positions, int count) {
        if (takesSelections()) {
            long bound = bound(batch, 1, batch.rowCount());
            if (shared.heldBytes() + bound <= sharedCap && memory.tryPrepay(bound)) {
                try {
                    partial.addSelected(batch, positions, count, everyRow(batch.rowCount()));
                    reserveKeysCopy();
                } finally {
                    memory.releasePrepaid();
                }
                return;
            }
        }
        add(batch, EVERY_SET, positions, count);
    }

    /**
     * An upper bound of what adding {@code count} rows of {@code batch} {@code times} times reserves: any array of
     * the table may double (twice what the table holds, old and new arrays held at once; four times for a table
     * whose groups keep values); each row may be a new
     * group (slots, keys and a fixed state per call); and the values of the rows may be copied into the keys,
     * the DISTINCT sets and the accumulators that keep values (strings, ordered aggregates).
     */
    private long bound(ColumnBatch batch, int times, int count) {
        long valueBytes = VectorSizes.bytes(batch) * count / Math.max(1, batch.rowCount());
        long perRow = NEW_GROUP_BYTES + STATE_BYTES * layout.calls.size();
        // Groups that keep values go on growing once the table is full (their rows are not spilled): such a table
        // leaves room for its held bytes to double once more.
        long doublings = valueKeepingCalls > 0 ? 4 : 2;
        return doublings * memory.heldBytes() + times * (count * perRow + valueBytes * (1L + valueKeepingCalls));
    }

    /** Makes the bytes held for copying the keys out available to the emission's {@link MemoryReservation#grow}. */
    void prepareEmission() {
        memory.prepayFromHeld(emissionReserve);
        emissionReserve = 0;
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
