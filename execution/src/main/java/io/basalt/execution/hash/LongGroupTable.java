package io.basalt.execution.hash;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/**
 * A group table specialised for one LONG key column (integers, dates, timestamps, short decimals), the
 * most common join and grouping key. Each slot is two adjacent longs, the key and its group id + 1 (0 for
 * empty), so a lookup costs one cache miss, no stored-key indirection and no virtual call. NULL gets its
 * own group outside the slots.
 *
 * <p>A table made {@code sortedWhileIncreasing} (aggregation's) builds no slots while every new key is larger than
 * the one before (a table stored in key order, such as lineitem by {@code l_orderkey}, read in morsel order): a new
 * key is appended to the keys and its group is the next id, found again by the run shortcut or a binary search, so
 * millions of groups cost no random memory access. The first key out of order hashes the groups found so far into
 * slots (their ids unchanged) and the table goes on hashing. {@link #sortedKeys} hands the sorted keys to a merge
 * that can then merge sorted lists instead of hashing again.
 */
final class LongGroupTable implements GroupTable {

    private final MemoryReservation memory;
    private long[] slots; // [2 * slot] = key, [2 * slot + 1] = group id + 1; null while sorted
    private long[] groupKeys;
    private int mask;
    private int groupCount;
    private int nullGroup = -1;
    private long tableBytes;
    /** Whether the non-NULL keys came in increasing order so far (then there are no slots). */
    private boolean sorted;
    /** While sorted: the largest key and its group (-1 before the first non-NULL key). */
    private long lastKey;
    private int lastGroup = -1;
    /** Slots to start with once hashing, from the expected groups. */
    private final int initialCapacity;

    LongGroupTable(int expectedGroups, MemoryReservation memory, boolean sortedWhileIncreasing) {
        this.memory = memory;
        this.initialCapacity = GroupTables.slotCapacity(expectedGroups);
        this.sorted = sortedWhileIncreasing;
        reserve((initialCapacity / 2) * 8L);
        groupKeys = new long[initialCapacity / 2];
        if (!sorted) {
            buildSlots(initialCapacity);
        }
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void findOrInsert(ColumnVector[] keys, int[] positions, int count, int[] groupIds) {
        LongVector column = (LongVector) keys[0];
        long[] values = column.values();
        boolean mayHaveNulls = column.mayHaveNulls();
        // Keys often come in runs (a table stored in key order, such as lineitem by l_orderkey): a row with
        // the previous row's key takes its group without hashing or probing.
        long previousKey = 0;
        int previousGroup = -1;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (mayHaveNulls && column.isNull(row)) {
                if (nullGroup < 0) {
                    // While sorted, the placeholder key repeats the last key so that the keys stay in order.
                    nullGroup = newGroup(lastGroup >= 0 ? lastKey : Long.MIN_VALUE);
                }
                groupIds[i] = nullGroup;
                continue;
            }
            long key = values[row];
            if (key == previousKey && previousGroup >= 0) {
                groupIds[i] = previousGroup;
                continue;
            }
            int group = sorted ? findOrAppend(key) : findOrInsertKey(key);
            groupIds[i] = group;
            previousKey = key;
            previousGroup = group;
        }
    }

    /** While sorted: a key above the last one is a new group; a key below it ends the sorted mode. */
    private int findOrAppend(long key) {
        if (lastGroup < 0 || key > lastKey) {
            lastKey = key;
            lastGroup = newGroup(key);
            return lastGroup;
        }
        if (key == lastKey) {
            return lastGroup;
        }
        int found = search(key);
        if (found >= 0) {
            return found;
        }
        startHashing();
        return findOrInsertKey(key);
    }

    /** While sorted: the group of {@code key} by binary search over the keys, or -1. */
    private int search(long key) {
        int low = 0;
        int high = groupCount - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long middleKey = groupKeys[middle];
            if (middleKey < key) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        // The NULL group's placeholder repeats the key before it (see newNullGroup): the real group comes first,
        // unless the placeholder leads with Long.MIN_VALUE.
        if (low == nullGroup) {
            low++;
        }
        return low < groupCount && groupKeys[low] == key ? low : -1;
    }

    /** Hashes the groups found so far into slots and leaves the sorted mode for good. */
    private void startHashing() {
        sorted = false;
        int capacity = initialCapacity;
        while (groupCount * 2 > capacity - 1) {
            capacity *= 2;
        }
        buildSlots(capacity);
        for (int group = 0; group < groupCount; group++) {
            if (group != nullGroup) {
                long key = groupKeys[group];
                int slot = (int) KeyHashing.mix(key) & mask;
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = key;
                slots[2 * slot + 1] = group + 1;
            }
        }
    }

    private void buildSlots(int capacity) {
        if (capacity > 1 << 30) {
            throw new IllegalStateException("group table cannot grow past " + (1 << 30) + " slots");
        }
        reserve(capacity * 16L);
        slots = new long[capacity * 2];
        mask = capacity - 1;
    }

    /**
     * The keys in increasing order, group {@code g}'s key at {@code [g]} for {@code g} below {@link #groupCount}, when
     * the table is still sorted and has no NULL group; else null. The array is the table's own: read, do not change.
     */
    @Override
    public long[] sortedKeys() {
        return sorted && nullGroup < 0 ? groupKeys : null;
    }

    private int findOrInsertKey(long key) {
        int slot = (int) KeyHashing.mix(key) & mask;
        while (true) {
            long entry = slots[2 * slot + 1];
            if (entry == 0) {
                int group = newGroup(key);
                slots[2 * slot] = key;
                slots[2 * slot + 1] = group + 1;
                if (groupCount * 2 > mask) {
                    grow();
                }
                return group;
            }
            if (slots[2 * slot] == key) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    @Override
    public void find(ColumnVector[] keys, int[] positions, int count, int[] groupIds) {
        LongVector column = (LongVector) keys[0];
        long[] values = column.values();
        boolean mayHaveNulls = column.mayHaveNulls();
        long[] table = slots;
        long previousKey = 0;
        int previousFound = -1;
        boolean havePrevious = false;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (mayHaveNulls && column.isNull(row)) {
                groupIds[i] = nullGroup;
                continue;
            }
            long key = values[row];
            if (havePrevious && key == previousKey) { // a run of one key: see findOrInsert
                groupIds[i] = previousFound;
                continue;
            }
            if (sorted) {
                int found = search(key);
                groupIds[i] = found;
                previousKey = key;
                previousFound = found;
                havePrevious = true;
                continue;
            }
            int slot = (int) KeyHashing.mix(key) & mask;
            int found = -1;
            while (true) {
                long entry = table[2 * slot + 1];
                if (entry == 0) {
                    break;
                }
                if (table[2 * slot] == key) {
                    found = (int) entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupIds[i] = found;
            previousKey = key;
            previousFound = found;
            havePrevious = true;
        }
    }

    private int newGroup(long key) {
        if (groupCount == groupKeys.length) {
            int capacity = groupKeys.length * 2;
            reserve(capacity * 8L);
            long[] grown = Arrays.copyOf(groupKeys, capacity);
            unreserve(groupKeys.length * 8L);
            groupKeys = grown;
        }
        groupKeys[groupCount] = key;
        return groupCount++;
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        if (capacity > 1 << 30) {
            throw new IllegalStateException("group table cannot grow past " + (mask + 1) + " slots");
        }
        reserve(capacity * 16L);
        long[] grown = new long[capacity * 2];
        int newMask = capacity - 1;
        for (int slot = 0; slot <= mask; slot++) {
            long entry = slots[2 * slot + 1];
            if (entry != 0) {
                long key = slots[2 * slot];
                int target = (int) KeyHashing.mix(key) & newMask;
                while (grown[2 * target + 1] != 0) {
                    target = (target + 1) & newMask;
                }
                grown[2 * target] = key;
                grown[2 * target + 1] = entry;
            }
        }
        unreserve((mask + 1) * 16L);
        slots = grown;
        mask = newMask;
    }

    private void reserve(long bytes) {
        memory.grow(bytes);
        tableBytes += bytes;
    }

    private void unreserve(long bytes) {
        memory.shrink(bytes);
        tableBytes -= bytes;
    }

    @Override
    public long keysCopyBytes() {
        return 9L * groupCount; // a value and a NULL flag per group
    }

    @Override
    public ColumnVector[] keys() {
        LongVector vector = new LongVector(groupCount);
        System.arraycopy(groupKeys, 0, vector.values(), 0, groupCount);
        vector.setPositionCount(groupCount);
        if (nullGroup >= 0) {
            vector.setNull(nullGroup, true);
        }
        return new ColumnVector[] {vector};
    }

    @Override
    public void release() {
        memory.shrink(tableBytes);
        tableBytes = 0;
        slots = null;
        groupKeys = null;
        sorted = false;
    }
}
