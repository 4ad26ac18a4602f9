package io.basalt.execution.join;

import io.basalt.execution.hash.GroupTable;
import io.basalt.execution.hash.GroupTables;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.vector.RowStore;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The build side of a hash join, built once and then probed by every worker at the same time (read-only).
 * A {@link GroupTable} maps each distinct non-NULL key to a group; the build rows of a group form a chain
 * in build order ({@link #firstRow}, {@link #nextRow}), so duplicates cost no key comparisons. Rows with a
 * NULL key are not indexed (they never match) but are remembered for NOT IN and outer joins. One LONG key
 * whose values fill a narrow range needs no group table: its value's offset in the range is the group
 * ({@link DenseKeyRange}); one whose values are sparse in a range of at most {@value RankedKeyRange#MAX_SPAN_PER_ROW}
 * values a build row has its key's rank in a bitmap of the range as group ({@link RankedKeyRange}); one LONG key of
 * spread values is indexed by {@link PartitionedLongKeys}, whose slot holds the chain head itself and whose regions
 * are filled in parallel (a slot is the group then). Two LONG keys
 * whose build ranges fit 62 bits together are packed into one ({@link KeyPairPacking}) and indexed the same way.
 */
final class JoinHashTable {

    private final RowStore rows;
    private final int[] keyColumns;
    /** The distinct keys' groups, or null when {@link #dense} or {@link #longKeys} places them. */
    private final GroupTable keys;
    private final DenseKeyRange dense;
    /** One sparse LONG key's groups (ranks); {@link #firstRow} is indexed by them. */
    private final RankedKeyRange ranked;
    /** One spread LONG key's chain heads; {@link #firstRow} is null then. */
    private final PartitionedLongKeys longKeys;
    /** How two LONG key columns were packed into the one key {@link #dense} or {@link #longKeys} indexes, or null. */
    private final KeyPairPacking packing;
    private final int distinctKeyCount;
    private final int[] firstRow;
    private final int[] nextRow;
    private final int[] nullKeyRows;

    private JoinHashTable(RowStore rows, int[] keyColumns, GroupTable keys, DenseKeyRange dense, RankedKeyRange ranked,
                          PartitionedLongKeys longKeys, KeyPairPacking packing, int distinctKeyCount, int[] firstRow,
                          int[] nextRow, int[] nullKeyRows) {
        this.rows = rows;
        this.keyColumns = keyColumns;
        this.keys = keys;
        this.dense = dense;
        this.ranked = ranked;
        this.longKeys = longKeys;
        this.packing = packing;
        this.distinctKeyCount = distinctKeyCount;
        this.firstRow = firstRow;
        this.nextRow = nextRow;
        this.nullKeyRows = nullKeyRows;
    }

    /** Rows inserted between two cancellation checks while building: millions of rows take a while. */
    private static final int BUILD_CHUNK = 1 << 16;

    /** {@code 0, 1, 2, …}: the positions of packed probe keys, which lie in the order of the rows they were packed for. */
    private static final int[] IN_ORDER = new int[1 << 16];

    static {
        Arrays.setAll(IN_ORDER, i -> i);
    }

    /** Builds on the calling thread alone (a spilled partition read back: one at a time, nothing else runs). */
    static JoinHashTable build(RowStore rows, int[] keyColumns, MemoryReservation memory, Runnable cancellation) {
        return build(rows, keyColumns, memory, cancellation, tasks -> tasks.forEach(Runnable::run));
    }

    /**
     * @param cancellation fails with 57014 when the query was cancelled; checked per chunk of rows
     * @param runAll runs independent tasks and waits for all of them: the workers share a spread LONG key's regions
     */
    static JoinHashTable build(RowStore rows, int[] keyColumns, MemoryReservation memory, Runnable cancellation,
                               Consumer<List<Runnable>> runAll) {
        int rowCount = rows.rowCount();
        ColumnVector[] keyVectors = keyVectors(rows, keyColumns);
        List<PhysicalKind> kinds = new ArrayList<>();
        for (int column : keyColumns) {
            kinds.add(rows.kinds().get(column));
        }
        // Positions and group ids of every row while building, then the chains: 12 bytes a row.
        long scratch = 8L * rowCount;
        memory.grow(scratch + 4L * rowCount);
        int[] indexed = new int[rowCount];
        int indexedCount = rowsWithoutNullKeys(keyVectors, rowCount, indexed);
        int[] nullRows = new int[rowCount - indexedCount];
        for (int row = 0, n = 0; n < nullRows.length; row++) {
            if (anyNull(keyVectors, row)) {
                nullRows[n++] = row;
            }
        }
        KeyPairPacking packing = kinds.equals(List.of(PhysicalKind.LONG, PhysicalKind.LONG))
                ? KeyPairPacking.of((LongVector) keyVectors[0], (LongVector) keyVectors[1], indexed, indexedCount) : null;
        if (packing != null) {
            memory.grow(8L * rowCount);
        }
        LongVector singleKey = packing != null
                ? packing.packBuild((LongVector) keyVectors[0], (LongVector) keyVectors[1], indexed, indexedCount, rowCount)
                : kinds.size() == 1 && kinds.get(0) == PhysicalKind.LONG ? (LongVector) keyVectors[0] : null;
        if (singleKey != null) {
            BuildKeyBounds bounds = BuildKeyBounds.of(singleKey, indexed, indexedCount);
            DenseKeyRange dense = DenseKeyRange.of(bounds, indexedCount);
            RankedKeyRange ranked = dense == null
                    ? RankedKeyRange.of(singleKey, indexed, indexedCount, bounds, memory) : null;
            JoinHashTable table;
            if (dense != null) {
                table = buildDense(rows, keyColumns, singleKey, dense, packing, indexed, indexedCount, nullRows, memory,
                        cancellation);
            } else if (ranked != null) {
                table = buildRanked(rows, keyColumns, singleKey, ranked, packing, indexed, indexedCount, nullRows, memory,
                        cancellation);
            } else {
                table = buildSpread(rows, keyColumns, singleKey, packing, indexed, indexedCount, nullRows, memory,
                        cancellation, runAll);
            }
            memory.shrink(scratch + (packing != null ? 8L * rowCount : 0));
            return table;
        }
        GroupTable table = GroupTables.create(kinds, indexedCount, memory);
        int[] groups = new int[indexedCount];
        insertInChunks(table, keyVectors, indexed, indexedCount, groups, cancellation);
        memory.grow(4L * table.groupCount());
        int[] first = new int[table.groupCount()];
        Arrays.fill(first, -1);
        int[] next = new int[rowCount];
        // Prepending from the last row leaves every chain in build order.
        for (int i = indexedCount - 1; i >= 0; i--) {
            int row = indexed[i];
            next[row] = first[groups[i]];
            first[groups[i]] = row;
        }
        memory.shrink(scratch);
        return new JoinHashTable(rows, keyColumns.clone(), table, null, null, null, null, table.groupCount(), first, next,
                nullRows);
    }

    /** Links every indexed row into the chain of its key's slot, from the last row so chains keep build order. */
    private static JoinHashTable buildDense(RowStore rows, int[] keyColumns, LongVector keys, DenseKeyRange dense,
                                            KeyPairPacking packing, int[] indexed, int indexedCount, int[] nullRows,
                                            MemoryReservation memory, Runnable cancellation) {
        memory.grow(4L * dense.slots());
        int[] first = new int[dense.slots()];
        Arrays.fill(first, -1);
        int[] next = new int[rows.rowCount()];
        long[] values = keys.values();
        int distinct = 0;
        for (int i = indexedCount - 1; i >= 0; i--) {
            if ((i & (BUILD_CHUNK - 1)) == 0) {
                cancellation.run();
            }
            int row = indexed[i];
            int slot = dense.slot(values[row]);
            int head = first[slot];
            distinct += head < 0 ? 1 : 0;
            next[row] = head;
            first[slot] = row;
        }
        return new JoinHashTable(rows, keyColumns.clone(), null, dense, null, null, packing, distinct, first, next,
                nullRows);
    }

    /** As {@link #buildDense}, with the keys' ranks as slots ({@link RankedKeyRange}). */
    private static JoinHashTable buildRanked(RowStore rows, int[] keyColumns, LongVector keys, RankedKeyRange ranked,
                                             KeyPairPacking packing, int[] indexed, int indexedCount, int[] nullRows,
                                             MemoryReservation memory, Runnable cancellation) {
        memory.grow(4L * ranked.distinct());
        int[] first = new int[ranked.distinct()];
        Arrays.fill(first, -1);
        int[] next = new int[rows.rowCount()];
        long[] values = keys.values();
        for (int i = indexedCount - 1; i >= 0; i--) {
            if ((i & (BUILD_CHUNK - 1)) == 0) {
                cancellation.run();
            }
            int row = indexed[i];
            int group = ranked.group(values[row]);
            next[row] = first[group];
            first[group] = row;
        }
        return new JoinHashTable(rows, keyColumns.clone(), null, null, ranked, null, packing, ranked.distinct(), first,
                next, nullRows);
    }

    /** One LONG key of spread values: {@link PartitionedLongKeys}, its regions filled by {@code runAll}'s workers. */
    private static JoinHashTable buildSpread(RowStore rows, int[] keyColumns, LongVector keys, KeyPairPacking packing,
                                             int[] indexed, int indexedCount, int[] nullRows, MemoryReservation memory,
                                             Runnable cancellation, Consumer<List<Runnable>> runAll) {
        long slotBytes = PartitionedLongKeys.SLOT_BYTES * PartitionedLongKeys.maxSlots(indexedCount);
        // The rows in region order while building: 4 bytes a row, on top of the caller's scratch.
        memory.grow(slotBytes + 4L * indexedCount);
        int[] next = new int[rows.rowCount()];
        PartitionedLongKeys table = PartitionedLongKeys.build(keys, indexed, indexedCount, next, runAll, cancellation);
        memory.shrink(slotBytes - table.bytes() + 4L * indexedCount);
        return new JoinHashTable(rows, keyColumns.clone(), null, null, null, table, packing, table.distinctKeyCount(),
                null, next, nullRows);
    }

    private static void insertInChunks(GroupTable table, ColumnVector[] keyVectors, int[] indexed, int indexedCount,
                                       int[] groups, Runnable cancellation) {
        if (indexedCount <= BUILD_CHUNK) {
            table.findOrInsert(keyVectors, indexed, indexedCount, groups);
            return;
        }
        int[] chunkGroups = new int[BUILD_CHUNK];
        for (int start = 0; start < indexedCount; start += BUILD_CHUNK) {
            cancellation.run();
            int count = Math.min(BUILD_CHUNK, indexedCount - start);
            int[] positions = Arrays.copyOfRange(indexed, start, start + count);
            table.findOrInsert(keyVectors, positions, count, chunkGroups);
            System.arraycopy(chunkGroups, 0, groups, start, count);
        }
    }

    private static ColumnVector[] keyVectors(RowStore rows, int[] keyColumns) {
        ColumnVector[] vectors = new ColumnVector[keyColumns.length];
        for (int i = 0; i < keyColumns.length; i++) {
            vectors[i] = rows.column(keyColumns[i]);
        }
        return vectors;
    }

    /**
     * Writes the rows {@code [0, rows)} where no key is NULL (the rows that can match) to {@code positions} and
     * returns how many; a loop of its own so the per-batch probe code calling it need not be compiled for speed.
     */
    static int rowsWithoutNullKeys(ColumnVector[] keys, int rows, int[] positions) {
        int count = 0;
        for (int row = 0; row < rows; row++) {
            if (!anyNull(keys, row)) {
                positions[count++] = row;
            }
        }
        return count;
    }

    static boolean anyNull(ColumnVector[] vectors, int row) {
        for (ColumnVector vector : vectors) {
            if (vector.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    RowStore rows() {
        return rows;
    }

    int rowCount() {
        return rows.rowCount();
    }

    ColumnVector[] keyVectors() {
        return keyVectors(rows, keyColumns);
    }

    /** {@code groups[i]} = the key group matching probe row {@code positions[i]} (no NULL keys), or -1. */
    void find(ColumnVector[] probeKeys, int[] positions, int count, int[] groups) {
        if (packing != null) {
            LongVector packed = new LongVector(count);
            packing.packProbe((LongVector) probeKeys[0], (LongVector) probeKeys[1], positions, count, packed.values());
            packed.setPositionCount(count);
            int[] rowsInOrder = firstRows(count);
            if (dense != null) {
                dense.find(packed, rowsInOrder, count, firstRow, groups);
            } else if (ranked != null) {
                ranked.find(packed, rowsInOrder, count, groups);
            } else {
                longKeys.find(packed, rowsInOrder, count, groups);
            }
        } else if (dense != null) {
            dense.find((LongVector) probeKeys[0], positions, count, firstRow, groups);
        } else if (ranked != null) {
            ranked.find((LongVector) probeKeys[0], positions, count, groups);
        } else if (longKeys != null) {
            longKeys.find((LongVector) probeKeys[0], positions, count, groups);
        } else {
            keys.find(probeKeys, positions, count, groups);
        }
    }

    /** {@code 0, 1, …, count - 1}: the positions of a packed probe key vector's rows. */
    private static int[] firstRows(int count) {
        if (count <= IN_ORDER.length) {
            return IN_ORDER;
        }
        int[] positions = new int[count];
        Arrays.setAll(positions, i -> i);
        return positions;
    }

    /** The bound of the groups {@link #find} returns: a group is in {@code [0, groupBound())}. */
    int groupBound() {
        if (dense != null) {
            return dense.slots();
        }
        return longKeys != null ? longKeys.slotCount() : firstRow.length;
    }

    /**
     * Whether every non-NULL key is on one build row (the key side of a key/foreign-key join): a group's chain is
     * then its head alone, and a probe need not read {@link #nextRow} (a random read into an array of every build row).
     */
    boolean uniqueKeys() {
        return distinctKeyCount == rows.rowCount() - nullKeyRows.length;
    }

    int distinctKeyCount() {
        return distinctKeyCount;
    }

    /** The distinct non-NULL keys, one vector per key column (a copy). */
    ColumnVector[] distinctKeys() {
        if (dense != null || ranked != null || longKeys != null) {
            LongVector single = dense != null ? dense.keys(firstRow, distinctKeyCount)
                    : ranked != null ? ranked.keys() : longKeys.keys();
            return packing != null ? packing.unpack(single) : new ColumnVector[] {single};
        }
        return keys.keys();
    }

    int firstRow(int group) {
        return longKeys != null ? longKeys.head(group) : firstRow[group];
    }

    /** The next build row with the same key, or -1. */
    int nextRow(int row) {
        return nextRow[row];
    }

    /** Build rows with a NULL in some key column. */
    int[] nullKeyRows() {
        return nullKeyRows;
    }
}
