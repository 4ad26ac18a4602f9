package io.basalt.execution.hash;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.PhysicalKind;

import java.util.List;

/** Picks the group table for a key's column kinds. */
public final class GroupTables {

    /** Tables start small whatever the estimate says: estimates can be far off, and tables grow cheaply. */
    private static final int MAX_INITIAL_GROUPS = 1 << 16;

    /** Text keys of more columns could not fit one long even when every value is one byte. */
    private static final int MAX_SHORT_TEXT_COLUMNS = 4;

    private GroupTables() {
    }

    public static GroupTable create(List<PhysicalKind> keyKinds, double expectedGroups, MemoryReservation memory) {
        return create(keyKinds, expectedGroups, memory, false);
    }

    /**
     * A table for an aggregation's groups, used by one thread: one LONG key is kept as a sorted list, without hashing,
     * while its values arrive in increasing order ({@link GroupTable#sortedKeys}). Not for a join's table: it is probed
     * far more often than built, and a lookup in a sorted table is a binary search instead of a hash probe.
     */
    public static GroupTable createForGroups(List<PhysicalKind> keyKinds, double expectedGroups, MemoryReservation memory) {
        return create(keyKinds, expectedGroups, memory, true);
    }

    private static GroupTable create(List<PhysicalKind> keyKinds, double expectedGroups, MemoryReservation memory,
                                     boolean sortedWhileIncreasing) {
        int expected = (int) Math.max(16, Math.min(MAX_INITIAL_GROUPS, expectedGroups));
        if (keyKinds.isEmpty()) {
            return new SingleGroupTable();
        }
        if (keyKinds.size() == 1 && keyKinds.get(0) == PhysicalKind.LONG) {
            return new LongGroupTable(expected, memory, sortedWhileIncreasing);
        }
        if (keyKinds.size() <= MAX_SHORT_TEXT_COLUMNS && keyKinds.stream().allMatch(kind -> kind == PhysicalKind.BYTES)) {
            return new ShortTextGroupTable(keyKinds.size(), expected, memory);
        }
        return new GenericGroupTable(keyKinds, expected, memory);
    }

    /** A power of two at least twice the expected groups, so probing chains stay short. */
    static int slotCapacity(int expectedGroups) {
        return Integer.highestOneBit(Math.max(16, expectedGroups * 2 - 1)) << 1;
    }
}
