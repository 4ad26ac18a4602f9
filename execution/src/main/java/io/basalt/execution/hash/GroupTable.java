package io.basalt.execution.hash;

import io.basalt.storage.vector.ColumnVector;

/**
 * Maps keys (one or more columns of any type) to dense group ids 0, 1, 2, … in order of first appearance,
 * keeping one copy of each distinct key. Aggregations use it for groups and DISTINCT sets, hash joins for
 * the distinct build keys. NULL is a value like any other here. Inserting is not thread-safe: each worker has its
 * own table, and merged tables are built by one thread each. {@link #find} only reads: once no thread inserts any
 * more, any number of threads may call it at once (every worker of a hash join probes one build table).
 */
public interface GroupTable {

    int groupCount();

    /** {@code groupIds[i]} = the group of the key at row {@code positions[i]}, added when new. */
    void findOrInsert(ColumnVector[] keys, int[] positions, int count, int[] groupIds);

    /**
     * {@code groupIds[i]} = the group of the key at row {@code positions[i]}, or -1 when absent. Changes nothing in
     * the table, not even a cache: threads may call it concurrently.
     */
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
