package io.basalt.execution.pipeline;

import io.basalt.storage.vector.ColumnBatch;

import java.util.List;
import java.util.function.Supplier;

/**
 * The batches a pipeline breaker produced (sorted rows, a limit's rows), one morsel per batch, in order.
 * The list is fetched when the first morsel is asked for, after the producing pipeline has finished; closing
 * the source closes the producer, which gives the batches' memory back.
 */
public final class BatchListSource implements MorselSource {

    private final Supplier<List<ColumnBatch>> batches;
    private final AutoCloseable producer;
    private List<ColumnBatch> list;
    private int next;

    public BatchListSource(Supplier<List<ColumnBatch>> batches, AutoCloseable producer) {
        this.batches = batches;
        this.producer = producer;
    }

    @Override
    public Morsel next() {
        if (list == null) {
            list = batches.get();
        }
        if (next >= list.size()) {
            return null;
        }
        ColumnBatch batch = list.get(next++);
        return output -> output.accept(batch);
    }

    @Override
    public void close() {
        list = null;
        try {
            producer.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
