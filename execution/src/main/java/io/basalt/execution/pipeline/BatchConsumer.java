package io.basalt.execution.pipeline;

import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.VectorCopier;

/**
 * Where an operator or a morsel pushes the batches it produces.
 *
 * <p>A producer that has filtered a batch may hand over the whole batch with the rows that passed
 * ({@link #acceptSelected}) instead of copying those rows out, when the consumer says it can use that
 * ({@link #takesSelections}): a scan keeping nearly every row of a block then decodes its columns whole instead of
 * gathering them row by row (TPC-H Q1 keeps 98 % of lineitem). By default the rows are copied out and
 * {@link #accept}ed, so a consumer that overrides neither sees what it always saw.
 */
@FunctionalInterface
public interface BatchConsumer {

    void accept(ColumnBatch batch);

    /**
     * Whether {@link #acceptSelected} is worth calling: the consumer (and what it passes batches to) uses the rows of
     * a whole batch without copying them out. Asked per batch, before the producer builds it.
     */
    default boolean takesSelections() {
        return false;
    }

    /**
     * The rows {@code positions[0, count)} of {@code batch} (ascending, {@code count >= 1}); the other rows are to be
     * ignored, but their values are real values of their columns (a consumer may compute on them as long as nothing
     * of it can fail or be seen). {@code positions} is the producer's: valid during the call only.
     */
    default void acceptSelected(ColumnBatch batch, int[] positions, int count) {
        accept(VectorCopier.select(batch, positions, count));
    }
}
