package io.basalt.execution.hash;

import io.basalt.storage.vector.ColumnVector;

/**
 * Maps keys (one or more columns of any type) to dense group ids 0, 1, 2, … in order of first appearance,
 * keeping one copy of each distinct key. Aggregations use it for groups and DISTINCT sets, hash joins for
 * the distinct build keys. NULL is a value like any other here. Not thread-safe: each worker has its own
 * table, and merged tables are built by one thread each.
 */
public interface GroupTable {

    int groupCount();

    /** {@code groupIds[i]} = the group of the key at row {@code positions[i]}, added when new. */
    void findOrInsert(ColumnVector[] keys, int[] positions, int count, int[] groupIds);

    /** {@code groupIds[i]} = the group of the key at row {@code positions[i]}, or -1 when absent. */
    void find(ColumnVector[] keys, int[] positions, int count, int[] groupIds);

    /** The distinct keys, one vector per key column, group {@code g} at position {@code g}. */
    ColumnVector[] keys();

    /** Bytes {@link #keys()} allocates now (a table that stores its keys as vectors hands them out as they are). */
    default long keysCopyBytes() {
        return 0;
    }

    /**
     * For a table of one LONG key whose keys arrived in increasing order, without NULL: the keys, group {@code g}'s at
     * {@code [g]} for {@code g} below {@link #groupCount}, increasing (the table's own array: do not change it). Null
     * for every other table.
     */
    default long[] sortedKeys() {
        return null;
    }

    /** Gives the table's memory back; the table must not be used afterwards. */
    void release();
}
