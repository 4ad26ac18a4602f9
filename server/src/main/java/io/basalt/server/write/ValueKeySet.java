package io.basalt.server.write;

import io.basalt.storage.vector.ColumnBatch;

import java.util.HashSet;
import java.util.Set;

/** Keys of any types, as values (one value, or a list for several columns) in a hash set. */
final class ValueKeySet implements KeySet {

    /** Reads the key at a row: its columns at {@code positions} of the batch; null when one of them is NULL. */
    interface KeyValues {
        Object at(ColumnBatch batch, int[] positions, int row);
    }

    private final Set<Object> keys = new HashSet<>();
    private final KeyValues values;

    ValueKeySet(KeyValues values) {
        this.values = values;
    }

    @Override
    public boolean add(ColumnBatch batch, int[] positions, int row) {
        Object key = values.at(batch, positions, row);
        return key == null || keys.add(key);
    }

    @Override
    public boolean contains(ColumnBatch batch, int[] positions, int row) {
        Object key = values.at(batch, positions, row);
        return key != null && keys.contains(key);
    }

    /** Whether a key given as its value (as {@link KeyValues} reads it) is in the set; null is never. */
    boolean containsValue(Object key) {
        return key != null && keys.contains(key);
    }

    @Override
    public boolean isEmpty() {
        return keys.isEmpty();
    }
}
