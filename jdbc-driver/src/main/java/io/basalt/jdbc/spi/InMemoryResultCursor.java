package io.basalt.jdbc.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cursor over batches that already exist: small results that are computed whole (SHOW, DESCRIBE, the
 * driver's own metadata answers, test fakes). Large results should stream instead.
 */
public final class InMemoryResultCursor implements ResultCursor {

    private final List<ColumnDescriptor> columns;
    private final List<ResultBatch> batches;
    private int next;
    private boolean closed;

    public InMemoryResultCursor(List<ColumnDescriptor> columns, List<ResultBatch> batches) {
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.batches = new ArrayList<>(batches);
        for (ResultBatch batch : this.batches) {
            if (batch.columnCount() != this.columns.size()) {
                throw new IllegalArgumentException("a batch has " + batch.columnCount() + " columns, the cursor "
                        + this.columns.size());
            }
        }
    }

    /** A cursor with the given columns and no rows. */
    public static InMemoryResultCursor empty(List<ColumnDescriptor> columns) {
        return new InMemoryResultCursor(columns, Collections.<ResultBatch>emptyList());
    }

    @Override
    public List<ColumnDescriptor> columns() {
        return columns;
    }

    @Override
    public ResultBatch nextBatch() {
        if (closed || next >= batches.size()) {
            return null;
        }
        return batches.get(next++);
    }

    @Override
    public void close() {
        closed = true;
    }
}
