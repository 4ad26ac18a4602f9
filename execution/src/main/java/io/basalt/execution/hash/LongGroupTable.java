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
 */
final class LongGroupTable implements GroupTable {

    private final MemoryReservation memory;
    private long[] slots; // [2 * slot] = key, [2 * slot + 1] = group id + 1
    private long[] groupKeys;
    private int mask;
    private int groupCount;
    private int nullGroup = -1;
    private long tableBytes;

    LongGroupTable(int expectedGroups, MemoryReservation memory) {
        this.memory = memory;
        int capacity = GroupTables.slotCapacity(expectedGroups);
        reserve(capacity * 16L + (capacity / 2) * 8L);
        slots = new long[capacity * 2];
        groupKeys = new long[capacity / 2];
        mask = capacity - 1;
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
                    nullGroup = newGroup(0);
                }
                groupIds[i] = nullGroup;
                continue;
            }
            long key = values[row];
            if (key == previousKey && previousGroup >= 0) {
                groupIds[i] = previousGroup;
                continue;
            }
            int group = findOrInsertKey(key);
            groupIds[i] = group;
            previousKey = key;
            previousGroup = group;
        }
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
    }
}
