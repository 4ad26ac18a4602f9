package io.basalt.execution.aggregate;

import io.basalt.execution.hash.GroupTable;
import io.basalt.execution.hash.GroupTables;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/**
 * The groups and aggregate states one worker thread builds from the batches it sees (pre-aggregation), or
 * one partition of the merged result. While pre-aggregating, a DISTINCT aggregate keeps its (group id,
 * argument) entries instead of a state ({@link DistinctEntries}: a set, or a list once a set stops paying); the
 * merge feeds each distinct value once into the final state, and rows added to a merged partition directly go
 * through its set first for the same reason.
 *
 * <p>A DISTINCT set holds the group's id in this table, not the group's key columns: one LONG instead of
 * every key column (TPC-H Q16 groups by two text columns and an integer), so entries hash and compare as
 * two numbers. The merge translates the ids into the merged table's ({@link AggregationMerge}).
 */
final class PartialAggregation {

    final GroupTable groups;
    final Accumulator[] accumulators;
    /** A merged partition's DISTINCT sets, by call (null for a worker's table and for the other calls). */
    final GroupTable[] distinctSets;
    /** A worker's DISTINCT entries, by call (null for a merged partition and for the other calls). */
    final DistinctEntries[] distinctEntries;
    private final AggregationLayout layout;
    private final boolean merged;
    /** Per-batch scratch (see {@link #scratch}): the group id of each added row, by row, and a FILTER's rows. */
    private int[] found = new int[0];
    private int[] groupIdsByRow = new int[0];
    private int[] selected = new int[0];

    /** @param merged whether this is a merged partition, whose DISTINCT calls need final states too */
    PartialAggregation(AggregationLayout layout, double expectedGroups, boolean merged, MemoryReservation memory) {
        this.layout = layout;
        this.merged = merged;
        this.groups = GroupTables.createForGroups(layout.keyKinds, expectedGroups, memory);
        int calls = layout.calls.size();
        this.accumulators = new Accumulator[calls];
        this.distinctSets = new GroupTable[calls];
        this.distinctEntries = new DistinctEntries[calls];
        for (int c = 0; c < calls; c++) {
            if (layout.distinct[c] && merged) {
                distinctSets[c] = GroupTables.create(layout.distinctSetKinds(c), expectedGroups, memory);
            } else if (layout.distinct[c]) {
                distinctEntries[c] = new DistinctEntries(layout.distinctSetKinds(c), expectedGroups, memory);
            }
            if ((!layout.distinct[c] || merged) && !layout.isGrouping(c)) {
                accumulators[c] = Accumulators.create(layout.calls.get(c), layout.inputTypes, memory);
            }
        }
        shareSums(layout, accumulators);
    }

    /**
     * Lets each exact AVG read the sums of a SUM call over the same argument with the same FILTER (neither DISTINCT):
     * both would add the same values to the same groups, so each value is added once (TPC-H Q1 has two such pairs).
     */
    private static void shareSums(AggregationLayout layout, Accumulator[] accumulators) {
        for (int c = 0; c < accumulators.length; c++) {
            if (!(accumulators[c] instanceof ExactAverageAccumulator average)) {
                continue;
            }
            AggregateCall averageCall = layout.calls.get(c);
            for (int s = 0; s < accumulators.length; s++) {
                AggregateCall sumCall = layout.calls.get(s);
                if (accumulators[s] instanceof DecimalSumAccumulator sum && !sumCall.distinct() && !averageCall.distinct()
                        && sumCall.filterColumn() == averageCall.filterColumn()
                        && Arrays.equals(sumCall.arguments(), averageCall.arguments())) {
                    average.shareSums(sum);
                    break;
                }
            }
        }
    }

    void add(ColumnBatch batch) {
        addEveryRow(batch, Selection.all(batch.rowCount()));
    }

    /** Adds rows {@code positions[0..count)} of {@code batch}, once per grouping set. */
    void add(ColumnBatch batch, int[] positions, int count) {
        add(batch, positions, count, false);
    }

    /**
     * Adds every row of {@code batch} in order, once per grouping set; {@code identity} starts with {@code 0, 1, 2, …}
     * up to the batch's rows (not checked: testing it per batch was 4 % of a one-column SUM over partsupp).
     */
    void addEveryRow(ColumnBatch batch, int[] identity) {
        add(batch, identity, batch.rowCount(), true);
    }

    private void add(ColumnBatch batch, int[] positions, int count, boolean inOrder) {
        if (count == 0) {
            return;
        }
        for (int set = 0; set < layout.setCount(); set++) {
            add(batch, layout.keys(batch, set), positions, count, inOrder);
        }
    }

    /** Adds rows {@code positions[0..count)} of {@code batch} to grouping set {@code set} only (a spilled row's set). */
    void add(ColumnBatch batch, int set, int[] positions, int count) {
        if (count > 0) {
            add(batch, layout.keys(batch, set), positions, count, false);
        }
    }

    /** {@code inOrder}: {@code positions} is known to be every row of the batch in order. */
    private void add(ColumnBatch batch, ColumnVector[] keys, int[] positions, int count, boolean inOrder) {
        found = scratch(found, count);
        groups.findOrInsert(keys, positions, count, found);
        ensureGroups();
        // Accumulators take group ids indexed by row.
        int[] groupIds = found;
        if (count != batch.rowCount()) {
            groupIdsByRow = scratch(groupIdsByRow, batch.rowCount());
            groupIds = groupIdsByRow;
            scatter(found, positions, count, groupIds);
        }
        BatchGroups everyRow = inOrder || Selection.isEveryRow(positions, count, batch.rowCount())
                ? new BatchGroups(groupIds, positions, count, groups.groupCount())
                : null;
        addCalls(batch, groupIds, positions, count, everyRow);
    }

    /**
     * Adds rows {@code positions[0..count)}, whose group ids are {@code groupIds} by row, to every call's state;
     * {@code everyRow} (or null) says they are every row of the batch, in order, with those groups.
     */
    private void addCalls(ColumnBatch batch, int[] groupIds, int[] positions, int count, BatchGroups everyRow) {
        boolean[] summedTogether = everyRow == null ? null : addSumsTogether(batch, everyRow);
        for (int c = 0; c < accumulators.length; c++) {
            if (layout.isGrouping(c) || summedTogether != null && summedTogether[c]) {
                continue;
            }
            int filterColumn = layout.calls.get(c).filterColumn();
            int[] callRows = positions;
            int callCount = count;
            if (filterColumn >= 0) {
                selected = scratch(selected, count);
                callCount = trueRows(batch.column(filterColumn), positions, count, selected);
                callRows = selected;
            }
            ColumnVector[] arguments = layout.arguments(c, batch);
            if (!layout.distinct[c] && everyRow != null && filterColumn < 0) {
                accumulators[c].addEveryRow(everyRow, arguments);
            } else if (!layout.distinct[c]) {
                accumulators[c].add(groupIds, arguments, callRows, callCount);
            } else {
                addDistinct(c, arguments, groupIds, callRows, callCount, batch.rowCount());
            }
        }
    }

    /**
     * Whether {@link #addSelected} adds a selection in place: one grouping set, and only calls that can forget the
     * rows a selection leaves out ({@link ResettableAccumulator}: COUNT, and SUM and AVG of DECIMALs), none DISTINCT or
     * with a FILTER.
     */
    boolean takesSelections() {
        if (layout.setCount() != 1) {
            return false;
        }
        for (int c = 0; c < accumulators.length; c++) {
            if (layout.distinct[c] || layout.calls.get(c).filterColumn() >= 0
                    || !(accumulators[c] instanceof ResettableAccumulator)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds rows {@code positions[0..count)} of {@code batch} ({@link #takesSelections}) by adding every row, those
     * the selection leaves out to a spare group past the table's groups that is emptied afterwards: the calls then
     * take their every-row paths, and no column of the batch is copied. The rows left out have real values, but a
     * filter removed them and may have done so to keep their values out of a sum, so only arguments that cannot make
     * an exact sum fail are taken this way: LONG vectors, of which a batch cannot overflow 128 bits. Other batches
     * are added as a row list. {@code identity} starts with {@code 0, 1, 2, …} up to the batch's rows.
     */
    void addSelected(ColumnBatch batch, int[] positions, int count, int[] identity) {
        for (int c = 0; c < accumulators.length; c++) {
            if (accumulators[c] instanceof SummingAccumulator && !(layout.arguments(c, batch)[0] instanceof LongVector)) {
                add(batch, positions, count);
                return;
            }
        }
        int rows = batch.rowCount();
        found = scratch(found, count);
        groups.findOrInsert(layout.keys(batch, 0), positions, count, found);
        int spare = groups.groupCount();
        for (Accumulator accumulator : accumulators) {
            accumulator.ensureGroups(spare + 1);
        }
        groupIdsByRow = scratch(groupIdsByRow, rows);
        Arrays.fill(groupIdsByRow, 0, rows, spare);
        scatter(found, positions, count, groupIdsByRow);
        addCalls(batch, groupIdsByRow, identity, rows, new BatchGroups(groupIdsByRow, identity, rows, spare + 1));
        for (Accumulator accumulator : accumulators) {
            ((ResettableAccumulator) accumulator).resetGroup(spare);
        }
    }

    /**
     * Adds the sums of the calls that sum a NULL-free LONG or INT128 argument over every row of the batch (SUM and AVG
     * of DECIMALs and integers, no FILTER or DISTINCT) together, two per pass over the rows ({@link ExactSums#addEveryRow(
     * BatchGroups, ExactSums[], ColumnVector[], int)}), and the rest of those calls' work (counts, seen flags) call by
     * call. Returns which calls it added, or null when fewer than two sums were to be added (nothing gained).
     */
    private boolean[] addSumsTogether(ColumnBatch batch, BatchGroups everyRow) {
        boolean[] calls = new boolean[accumulators.length];
        ExactSums[] sums = new ExactSums[accumulators.length];
        ColumnVector[] values = new ColumnVector[accumulators.length];
        int sumCount = 0;
        for (int c = 0; c < accumulators.length; c++) {
            if (layout.isGrouping(c) || layout.distinct[c] || layout.calls.get(c).filterColumn() >= 0
                    || !(accumulators[c] instanceof SummingAccumulator summing)) {
                continue;
            }
            ColumnVector[] arguments = layout.arguments(c, batch);
            if (arguments.length != 1 || arguments[0].mayHaveNulls()
                    || !(arguments[0] instanceof LongVector || arguments[0] instanceof Int128Vector)) {
                continue;
            }
            calls[c] = true;
            if (summing.sumsAdded() != null) {
                sums[sumCount] = summing.sumsAdded();
                values[sumCount] = arguments[0];
                sumCount++;
            }
        }
        if (sumCount < 2) {
            return null;
        }
        ExactSums.addEveryRow(everyRow, sums, values, sumCount);
        for (int c = 0; c < accumulators.length; c++) {
            if (calls[c]) {
                ((SummingAccumulator) accumulators[c]).addEveryRowButSums(everyRow);
            }
        }
        return calls;
    }

    /**
     * {@code array} when it holds at least {@code length} ints, else a new array: the per-batch row arrays (group ids,
     * FILTER rows) are reused from batch to batch, since no accumulator keeps them past its call. Allocating them
     * afresh cost a zeroed array of up to 65,536 ints per batch and array (about 10 % of TPC-H Q1's allocation).
     */
    private static int[] scratch(int[] array, int length) {
        return array.length >= length ? array : new int[length];
    }

    /** {@code out[positions[i]] = values[i]} for {@code i < count}. */
    static void scatter(int[] values, int[] positions, int count, int[] out) {
        for (int i = 0; i < count; i++) {
            out[positions[i]] = values[i];
        }
    }

    private static int trueRows(ColumnVector condition, int[] positions, int count, int[] out) {
        BooleanVector flags = (BooleanVector) condition;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (flags.get(row) && !flags.isNull(row)) {
                out[kept++] = row;
            }
        }
        return kept;
    }

    /** @param groupIds the group id of each row of the batch of {@code rowCount} rows, by row */
    private void addDistinct(int call, ColumnVector[] arguments, int[] groupIds, int[] rows, int count, int rowCount) {
        // NULL arguments never count, so they stay out of the set.
        int[] kept = new int[count];
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            boolean anyNull = false;
            for (ColumnVector argument : arguments) {
                anyNull |= argument.isNull(rows[i]);
            }
            if (!anyNull) {
                kept[keptCount++] = rows[i];
            }
        }
        LongVector groupColumn = new LongVector(rowCount);
        long[] groupValues = groupColumn.values();
        for (int i = 0; i < keptCount; i++) {
            groupValues[kept[i]] = groupIds[kept[i]];
        }
        groupColumn.setPositionCount(rowCount);
        ColumnVector[] entries = new ColumnVector[1 + arguments.length];
        entries[0] = groupColumn;
        System.arraycopy(arguments, 0, entries, 1, arguments.length);
        if (!merged) {
            distinctEntries[call].add(entries, rowCount, kept, keptCount);
            return;
        }
        addNewEntries(distinctSets[call], entries, kept, keptCount, groupIds, arguments, accumulators[call]);
    }

    /**
     * Adds the DISTINCT entries at rows {@code rows[0..count)} of {@code entries} to {@code set}, and feeds each entry
     * new to the set once into {@code accumulator} ({@code groupIds} and {@code arguments} by row): entries may repeat,
     * here and in a worker's list ({@link DistinctEntries}).
     */
    static void addNewEntries(GroupTable set, ColumnVector[] entries, int[] rows, int count, int[] groupIds,
                              ColumnVector[] arguments, Accumulator accumulator) {
        int before = set.groupCount();
        int[] ids = new int[count];
        set.findOrInsert(entries, rows, count, ids);
        int[] fresh = new int[count];
        int freshCount = firstOfNewIds(before, ids, rows, count, fresh);
        accumulator.add(groupIds, arguments, fresh, freshCount);
    }

    /**
     * Lists in {@code out} the rows {@code rows[i]} that got an id new to a set ({@code first} or later), each such id
     * once, and returns how many: a set hands out ids densely in order of first appearance, so the first row with each
     * new id has the next one, and a later row with the same id (a duplicate) does not.
     */
    private static int firstOfNewIds(int first, int[] ids, int[] rows, int count, int[] out) {
        int found = 0;
        int next = first;
        for (int i = 0; i < count; i++) {
            if (ids[i] == next) {
                out[found++] = rows[i];
                next++;
            }
        }
        return found;
    }

    void ensureGroups() {
        int groupCount = groups.groupCount();
        for (Accumulator accumulator : accumulators) {
            if (accumulator != null) {
                accumulator.ensureGroups(groupCount);
            }
        }
    }

    boolean isEmpty() {
        return groups.groupCount() == 0;
    }

    void release() {
        groups.release();
        for (int c = 0; c < accumulators.length; c++) {
            if (accumulators[c] != null) {
                accumulators[c].release();
            }
            if (distinctSets[c] != null) {
                distinctSets[c].release();
            }
            if (distinctEntries[c] != null) {
                distinctEntries[c].release();
            }
        }
    }
}
