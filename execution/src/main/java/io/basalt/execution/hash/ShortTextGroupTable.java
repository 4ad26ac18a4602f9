package io.basalt.execution.hash;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

import java.util.Collections;

/**
 * A group table for keys made of short text columns (TPC-H Q1's {@code l_returnflag, l_linestatus}, Q12's
 * {@code l_shipmode}): when every key of a batch fits in one long (per column a 4-bit header, the length + 1 or
 * 15 for NULL, then up to 7 bytes; 63 bits in all), the key is found by that long in a small open-addressing
 * table, with no byte hashing or byte comparison, and a run of equal keys takes the previous row's group.
 *
 * <p>The groups themselves live in a {@link GenericGroupTable}, the one authority for group ids and stored
 * keys: the packed table is only a cache of {@code packed key → group id}, filled while inserting, on a miss, by
 * asking the generic table for that one row; {@link #find} only reads it (a join's workers probe at once). A batch
 * with a key that does not fit goes to the generic table whole, so long text costs one packing attempt per batch and
 * stays correct; after {@link #FALLBACK_BATCHES} such batches the table stops trying.
 *
 * <p>Keys gathered from storage dictionaries ({@link BytesVector#dictionary()}) are not even packed: while the
 * batches' key columns come from the same dictionaries, a key is found by its codes in a small directly indexed
 * array ({@link DictionaryCodeGroups}); a batch from other dictionaries (another block or segment) starts that
 * array afresh, since codes only mean something within their dictionary.
 */
final class ShortTextGroupTable implements GroupTable {

    /** A packed key never has bit 63 set (at most 63 bits are used), so -1 can mean "does not fit". */
    private static final long DOES_NOT_FIT = -1;
    private static final int MAX_BITS = 63;
    private static final int MAX_BYTES_PER_COLUMN = 7;
    private static final int NULL_HEADER = 15;
    private static final int FALLBACK_BATCHES = 8;
    private static final int INITIAL_SLOTS = 64;

    private final GenericGroupTable groups;
    private final DictionaryCodeGroups codeGroups;
    private final MemoryReservation memory;
    private final int[] oneRow = new int[1];
    private final int[] oneGroup = new int[1];
    private long[] packedKeys = new long[INITIAL_SLOTS];
    private int[] slotGroups = new int[INITIAL_SLOTS]; // group id + 1; 0 = empty
    private int mask = INITIAL_SLOTS - 1;
    private int cached;
    private long tableBytes;
    private int batchesNotFitting;
    private long[] packed = new long[0];

    ShortTextGroupTable(int columns, int expectedGroups, MemoryReservation memory) {
        this.groups = new GenericGroupTable(Collections.nCopies(columns, PhysicalKind.BYTES), expectedGroups, memory);
        this.memory = memory;
        this.codeGroups = new DictionaryCodeGroups(columns, memory);
        reserve(INITIAL_SLOTS * 12L);
    }

    @Override
    public int groupCount() {
        return groups.groupCount();
    }

    @Override
    public void findOrInsert(ColumnVector[] keys, int[] positions, int count, int[] groupIds) {
        if (codeGroups.use(keys)) {
            findOrInsertByCodes(keys, positions, count, groupIds);
            return;
        }
        if (!packAll(keys, positions, count)) {
            groups.findOrInsert(keys, positions, count, groupIds);
            return;
        }
        long previousKey = DOES_NOT_FIT;
        int previousGroup = -1;
        for (int i = 0; i < count; i++) {
            long key = packed[i];
            if (key != previousKey) {
                previousGroup = cachedGroup(key);
                if (previousGroup < 0) {
                    previousGroup = askGenericTable(keys, positions[i]);
                    cache(key, previousGroup);
                }
                previousKey = key;
            }
            groupIds[i] = previousGroup;
        }
    }

    /**
     * Only reads the table, with scratch arrays of its own, so that every worker of a hash join can probe one build
     * table at once (the keys' dictionary codes are not used here: that array is filled as batches come). Keys the
     * packed cache lacks are looked up in the generic table together.
     */
    @Override
    public void find(ColumnVector[] keys, int[] positions, int count, int[] groupIds) {
        long[] batchKeys = new long[count];
        if (batchesNotFitting >= FALLBACK_BATCHES || !pack(keys, positions, count, batchKeys)) {
            groups.find(keys, positions, count, groupIds);
            return;
        }
        int[] missed = new int[count];
        int misses = 0;
        for (int i = 0; i < count; i++) {
            int group = cachedGroup(batchKeys[i]);
            groupIds[i] = group;
            if (group < 0) {
                missed[misses++] = i;
            }
        }
        if (misses > 0) {
            int[] rows = new int[misses];
            for (int m = 0; m < misses; m++) {
                rows[m] = positions[missed[m]];
            }
            int[] found = new int[misses];
            groups.find(keys, rows, misses, found);
            for (int m = 0; m < misses; m++) {
                groupIds[missed[m]] = found[m];
            }
        }
    }

    /** Finds or adds the batch's keys by their dictionary codes ({@link DictionaryCodeGroups#use} accepted them). */
    private void findOrInsertByCodes(ColumnVector[] keys, int[] positions, int count, int[] groupIds) {
        codeGroups.groups(positions, count, groupIds, (row, index) -> {
            int group = askGenericTable(valuesAt(keys, row), 0);
            codeGroups.remember(index, group);
            return group;
        });
    }

    /**
     * The key at {@code row} as one-row vectors, read through each column's dictionary: the generic table reads the
     * key's bytes, and asking it with the batch's vectors would write every row's bytes of one-byte columns that
     * defer them ({@link BytesVector#fromCodesWithoutNulls}).
     */
    private static ColumnVector[] valuesAt(ColumnVector[] keys, int row) {
        ColumnVector[] values = new ColumnVector[keys.length];
        for (int c = 0; c < keys.length; c++) {
            values[c] = ((BytesVector) keys[c]).valueAt(row);
        }
        return values;
    }

    /** Packs every key of the batch into {@link #packed}; false when one does not fit (or packing gave up). */
    private boolean packAll(ColumnVector[] keys, int[] positions, int count) {
        if (batchesNotFitting >= FALLBACK_BATCHES) {
            return false;
        }
        if (packed.length < count) {
            packed = new long[count];
        }
        if (!pack(keys, positions, count, packed)) {
            batchesNotFitting++;
            return false;
        }
        return true;
    }

    /** Packs the keys at {@code positions[0, count)} into {@code out}; false as soon as one does not fit. */
    private static boolean pack(ColumnVector[] keys, int[] positions, int count, long[] out) {
        for (int i = 0; i < count; i++) {
            long key = pack(keys, positions[i]);
            if (key == DOES_NOT_FIT) {
                return false;
            }
            out[i] = key;
        }
        return true;
    }

    /**
     * The key at {@code row} as one long, or {@link #DOES_NOT_FIT}. Each column adds a non-zero 4-bit header and
     * then its bytes, so the first header marks where the key starts and two different keys never pack alike.
     */
    static long pack(ColumnVector[] keys, int row) {
        long key = 0;
        int bits = 0;
        for (ColumnVector column : keys) {
            BytesVector text = (BytesVector) column;
            if (text.isNull(row)) {
                bits += 4;
                key = key << 4 | NULL_HEADER;
                continue;
            }
            int start = text.offset(row);
            int length = text.offset(row + 1) - start;
            bits += 4 + 8 * length;
            if (length > MAX_BYTES_PER_COLUMN || bits > MAX_BITS) {
                return DOES_NOT_FIT;
            }
            key = key << 4 | (length + 1);
            byte[] data = text.data();
            for (int b = 0; b < length; b++) {
                key = key << 8 | (data[start + b] & 0xFF);
            }
        }
        return key;
    }

    /** The group of the key at {@code row}, added to the generic table when new. */
    private int askGenericTable(ColumnVector[] keys, int row) {
        oneRow[0] = row;
        groups.findOrInsert(keys, oneRow, 1, oneGroup);
        return oneGroup[0];
    }

    private int cachedGroup(long key) {
        int slot = (int) KeyHashing.mix(key) & mask;
        while (true) {
            int entry = slotGroups[slot];
            if (entry == 0) {
                return -1;
            }
            if (packedKeys[slot] == key) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void cache(long key, int group) {
        if ((cached + 1) * 2 > packedKeys.length) {
            grow();
        }
        insertSlot(packedKeys, slotGroups, mask, key, group + 1);
        cached++;
    }

    private static void insertSlot(long[] keys, int[] entries, int mask, long key, int entry) {
        int slot = (int) KeyHashing.mix(key) & mask;
        while (entries[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        entries[slot] = entry;
    }

    private void grow() {
        int capacity = packedKeys.length * 2;
        if (capacity > 1 << 30) {
            throw new IllegalStateException("group table cannot grow past " + packedKeys.length + " slots");
        }
        reserve(capacity * 12L);
        long[] newKeys = new long[capacity];
        int[] newEntries = new int[capacity];
        for (int slot = 0; slot < packedKeys.length; slot++) {
            if (slotGroups[slot] != 0) {
                insertSlot(newKeys, newEntries, capacity - 1, packedKeys[slot], slotGroups[slot]);
            }
        }
        memory.shrink(packedKeys.length * 12L);
        tableBytes -= packedKeys.length * 12L;
        packedKeys = newKeys;
        slotGroups = newEntries;
        mask = capacity - 1;
    }

    private void reserve(long bytes) {
        memory.grow(bytes);
        tableBytes += bytes;
    }

    @Override
    public ColumnVector[] keys() {
        return groups.keys();
    }

    @Override
    public void release() {
        groups.release();
        codeGroups.release();
        memory.shrink(tableBytes);
        tableBytes = 0;
        packedKeys = null;
        slotGroups = null;
    }
}
