package io.basalt.execution.aggregate;

import io.basalt.execution.hash.GroupTable;
import io.basalt.execution.hash.GroupTables;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.vector.RowStore;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.Arrays;
import java.util.List;

/**
 * One DISTINCT call's entries (a group's id and the argument values) in a worker's partial aggregation, on their way to
 * the merge, which deduplicates them across workers anyway ({@link AggregationMerge}).
 *
 * <p>They start in a set, which drops the duplicates a worker sees itself. Once at least {@value #SAMPLE_ENTRIES}
 * entries were offered, the first batch after which fewer than one in {@value #DUPLICATE_SHARE_DIVISOR} of them were
 * duplicates (TPC-H Q16's (group, supplier) pairs are all distinct) moves the set's entries to a plain list, and every
 * later entry is appended to it without a lookup. The move is for good: a list never goes back to a set.
 * Deduplicating such entries twice, here and in the merge, cost a random memory access per entry each time: at SF 10,
 * 1.19 million of them were 22 % of Q16's CPU in the workers alone.
 * The list may then hold duplicates; the merge counts each value once whatever it is given.
 */
final class DistinctEntries {

    /** Entries offered to the set before deciding whether it pays. */
    static final int SAMPLE_ENTRIES = 1 << 15;

    /** The set is kept when at least one in this many of the sampled entries was a duplicate. */
    static final int DUPLICATE_SHARE_DIVISOR = 8;

    private final List<PhysicalKind> kinds;
    private final MemoryReservation memory;
    /** Null once the entries go to {@link #list}. */
    private GroupTable set;
    private RowStore list;
    private long offered;
    private int[] ids = new int[0];

    DistinctEntries(List<PhysicalKind> kinds, double expectedGroups, MemoryReservation memory) {
        this.kinds = kinds;
        this.memory = memory;
        this.set = GroupTables.create(kinds, expectedGroups, memory);
    }

    /** Adds the entries at rows {@code rows[0..count)} of {@code entries}, duplicates or not. */
    void add(ColumnVector[] entries, int rowCount, int[] rows, int count) {
        if (set == null) {
            append(entries, rowCount, rows, count);
            return;
        }
        if (ids.length < count) {
            ids = new int[count];
        }
        set.findOrInsert(entries, rows, count, ids);
        offered += count;
        if (offered >= SAMPLE_ENTRIES && offered - set.groupCount() < offered / DUPLICATE_SHARE_DIVISOR) {
            moveToList();
        }
    }

    /** The set stops deduplicating: its entries become the list's first ones. */
    private void moveToList() {
        list = new RowStore(kinds, memory);
        int count = set.groupCount();
        list.append(new ColumnBatch(count, Arrays.asList(set.keys())));
        set.release();
        set = null;
    }

    private void append(ColumnVector[] entries, int rowCount, int[] rows, int count) {
        ColumnBatch batch = new ColumnBatch(rowCount, Arrays.asList(entries));
        list.append(Selection.isEveryRow(rows, count, rowCount) ? batch : VectorCopier.select(batch, rows, count));
    }

    /** The entries, one vector per column (the group's id first), with duplicates when they went to a list. */
    ColumnVector[] entries() {
        return set != null ? set.keys() : list.columns();
    }

    int entryCount() {
        return set != null ? set.groupCount() : list.rowCount();
    }

    /** Whether entries go to a list now (for tests). */
    boolean listed() {
        return set == null;
    }

    void release() {
        if (set != null) {
            set.release();
        }
        if (list != null) {
            list.release();
        }
    }
}
