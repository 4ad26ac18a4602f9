package io.basalt.execution.hash;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.vector.RowStore;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * A group table for keys of any types and any number of columns: open addressing with linear probing. A slot
 * holds the group id and the upper half of the key's hash, so most mismatches are rejected without touching
 * the stored keys (a {@link RowStore}); the full hash per group is kept only to rehash when growing.
 */
final class GenericGroupTable implements GroupTable {

    private final MemoryReservation memory;
    private final RowStore keys;
    private final KeyEquality[] equalities;
    private long[] hashes;
    private long[] slots; // upper 32 hash bits << 32 | group id + 1; 0 = empty
    private int mask;
    private int groupCount;
    private long tableBytes;

    GenericGroupTable(List<PhysicalKind> kinds, int expectedGroups, MemoryReservation memory) {
        this.memory = memory;
        this.keys = new RowStore(kinds, memory);
        this.equalities = kinds.stream().map(KeyEquality::of).toArray(KeyEquality[]::new);
        int capacity = GroupTables.slotCapacity(expectedGroups);
        reserve(capacity * 8L + (capacity / 2) * 8L);
        this.slots = new long[capacity];
        this.hashes = new long[capacity / 2];
        this.mask = capacity - 1;
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void findOrInsert(ColumnVector[] probe, int[] positions, int count, int[] groupIds) {
        long[] probeHashes = new long[count];
        KeyHashing.hash(probe, positions, count, probeHashes);
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long hash = probeHashes[i];
            int slot = (int) hash & mask;
            long tag = hash & 0xFFFFFFFF_00000000L;
            while (true) {
                long entry = slots[slot];
                if (entry == 0) {
                    groupIds[i] = insert(probe, row, hash, slot);
                    break;
                }
                int group = (int) entry - 1;
                if ((entry & 0xFFFFFFFF_00000000L) == tag && keysEqual(probe, row, group)) {
                    groupIds[i] = group;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    @Override
    public void find(ColumnVector[] probe, int[] positions, int count, int[] groupIds) {
        long[] probeHashes = new long[count];
        KeyHashing.hash(probe, positions, count, probeHashes);
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long hash = probeHashes[i];
            int slot = (int) hash & mask;
            long tag = hash & 0xFFFFFFFF_00000000L;
            int found = -1;
            while (true) {
                long entry = slots[slot];
                if (entry == 0) {
                    break;
                }
                int group = (int) entry - 1;
                if ((entry & 0xFFFFFFFF_00000000L) == tag && keysEqual(probe, row, group)) {
                    found = group;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupIds[i] = found;
        }
    }

    private boolean keysEqual(ColumnVector[] probe, int row, int group) {
        for (int c = 0; c < equalities.length; c++) {
            if (!equalities[c].equal(probe[c], row, keys.column(c), group)) {
                return false;
            }
        }
        return true;
    }

    private int insert(ColumnVector[] probe, int row, long hash, int slot) {
        int group = groupCount;
        keys.appendRow(probe, row);
        hashes[group] = hash;
        slots[slot] = entry(hash, group);
        groupCount++;
        if (groupCount * 2 > slots.length - 1 || groupCount == hashes.length) {
            grow();
        }
        return group;
    }

    private static long entry(long hash, int group) {
        return (hash & 0xFFFFFFFF_00000000L) | (group + 1L);
    }

    private void grow() {
        int capacity = slots.length * 2;
        if (capacity < 0 || capacity > 1 << 30) {
            throw new IllegalStateException("group table cannot grow past " + slots.length + " slots");
        }
        reserve(capacity * 8L + (capacity / 2) * 8L);
        long[] newSlots = new long[capacity];
        int newMask = capacity - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) hashes[group] & newMask;
            while (newSlots[slot] != 0) {
                slot = (slot + 1) & newMask;
            }
            newSlots[slot] = entry(hashes[group], group);
        }
        long[] newHashes = java.util.Arrays.copyOf(hashes, capacity / 2);
        memory.shrink(slots.length * 8L + hashes.length * 8L);
        tableBytes -= slots.length * 8L + hashes.length * 8L;
        slots = newSlots;
        hashes = newHashes;
        mask = newMask;
    }

    private void reserve(long bytes) {
        memory.grow(bytes);
        tableBytes += bytes;
    }

    @Override
    public ColumnVector[] keys() {
        return keys.columns();
    }

    @Override
    public void release() {
        keys.release();
        memory.shrink(tableBytes);
        tableBytes = 0;
        slots = null;
        hashes = null;
    }
}
