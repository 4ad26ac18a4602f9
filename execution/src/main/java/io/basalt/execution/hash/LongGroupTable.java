package io.basalt.execution.hash;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/**
 * A group table specialised for one LONG key column (integers, dates, timestamps, short decimals), the
 * most common join and grouping key: keys sit in the slot array itself, so a lookup is a hash, a few array
 * reads and no virtual call. NULL gets its own group outside the slots.
 */
final class LongGroupTable implements GroupTable {

    private final MemoryReservation memory;
    private long[] slotKeys;
    private int[] slotGroups; // group id + 1; 0 = empty
    private long[] groupKeys;
    private int mask;
    private int groupCount;
    private int nullGroup = -1;
    private long tableBytes;

    LongGroupTable(int expectedGroups, MemoryReservation memory) {
        this.memory = memory;
        int capacity = GroupTables.slotCapacity(expectedGroups);
        reserve(capacity * 12L + (capacity / 2) * 8L);
        slotKeys = new long[capacity];
        slotGroups = new int[capacity];
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
            int slot = (int) KeyHashing.mix(key) & mask;
            while (true) {
                int entry = slotGroups[slot];
                if (entry == 0) {
                    int group = newGroup(key);
                    slotKeys[slot] = key;
                    slotGroups[slot] = group + 1;
                    groupIds[i] = group;
                    if (groupCount * 2 > slotGroups.length - 1) {
                        grow();
                    }
                    break;
                }
                if (slotKeys[slot] == key) {
                    groupIds[i] = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    @Override
    public void find(ColumnVector[] keys, int[] positions, int count, int[] groupIds) {
        LongVector column = (LongVector) keys[0];
        long[] values = column.values();
        boolean mayHaveNulls = column.mayHaveNulls();
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (mayHaveNulls && column.isNull(row)) {
                groupIds[i] = nullGroup;
                continue;
            }
            long key = values[row];
            int slot = (int) KeyHashing.mix(key) & mask;
            int found = -1;
            while (true) {
                int entry = slotGroups[slot];
                if (entry == 0) {
                    break;
                }
                if (slotKeys[slot] == key) {
                    found = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupIds[i] = found;
        }
    }

    private int newGroup(long key) {
        if (groupCount == groupKeys.length) {
            int capacity = groupKeys.length * 2;
            reserve(capacity * 8L);
            long[] grown = Arrays.copyOf(groupKeys, capacity);
            memory.shrink(groupKeys.length * 8L);
            tableBytes -= groupKeys.length * 8L;
            groupKeys = grown;
        }
        groupKeys[groupCount] = key;
        return groupCount++;
    }

    private void grow() {
        int capacity = slotGroups.length * 2;
        if (capacity < 0 || capacity > 1 << 30) {
            throw new IllegalStateException("group table cannot grow past " + slotGroups.length + " slots");
        }
        reserve(capacity * 12L);
        long[] newKeys = new long[capacity];
        int[] newGroups = new int[capacity];
        int newMask = capacity - 1;
        for (int slot = 0; slot < slotGroups.length; slot++) {
            int entry = slotGroups[slot];
            if (entry != 0) {
                long key = slotKeys[slot];
                int target = (int) KeyHashing.mix(key) & newMask;
                while (newGroups[target] != 0) {
                    target = (target + 1) & newMask;
                }
                newKeys[target] = key;
                newGroups[target] = entry;
            }
        }
        memory.shrink(slotGroups.length * 12L);
        tableBytes -= slotGroups.length * 12L;
        slotKeys = newKeys;
        slotGroups = newGroups;
        mask = newMask;
    }

    private void reserve(long bytes) {
        memory.grow(bytes);
        tableBytes += bytes;
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
        slotKeys = null;
        slotGroups = null;
        groupKeys = null;
    }
}
