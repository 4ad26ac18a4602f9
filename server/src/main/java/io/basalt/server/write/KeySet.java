package io.basalt.server.write;

import io.basalt.storage.vector.ColumnBatch;

/** The keys one statement adds for one constraint. A key with a NULL column is never stored nor found (SQL's UNIQUE). */
interface KeySet {

    /** Adds the key at {@code row} (its columns at {@code positions} of {@code batch}); false if it was there already. */
    boolean add(ColumnBatch batch, int[] positions, int row);

    boolean contains(ColumnBatch batch, int[] positions, int row);

    boolean isEmpty();
}
