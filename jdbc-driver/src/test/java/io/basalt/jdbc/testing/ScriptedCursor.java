package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.ResultCursor;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cursor that hands out prepared batches and records how it is used, so tests can check that the
 * driver streams (asks for a batch only when it needs one) and closes cursors. It can fail, or block until
 * cancelled, after a given number of batches.
 */
public final class ScriptedCursor implements ResultCursor {

    private final List<ColumnDescriptor> columns;
    private final List<ResultBatch> batches;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private int next;
    private int failAfter = -1;
    private SQLException failure;
    private FakeDatabase blockUntilCancelledOf;

    public ScriptedCursor(List<ColumnDescriptor> columns, List<ResultBatch> batches) {
        this.columns = columns;
        this.batches = new ArrayList<>(batches);
    }

    /** After {@code batchCount} batches, the next fetch throws {@code error}. */
    public ScriptedCursor failAfter(int batchCount, SQLException error) {
        this.failAfter = batchCount;
        this.failure = error;
        return this;
    }

    /** After the batches, the next fetch waits for a cancel of {@code database}, then fails with 57014. */
    public ScriptedCursor blockUntilCancelled(FakeDatabase database) {
        this.blockUntilCancelledOf = database;
        return this;
    }

    @Override
    public List<ColumnDescriptor> columns() {
        return columns;
    }

    @Override
    public ResultBatch nextBatch() throws SQLException {
        fetches.incrementAndGet();
        if (next == failAfter) {
            throw failure;
        }
        if (next < batches.size()) {
            return batches.get(next++);
        }
        if (blockUntilCancelledOf != null) {
            throw blockUntilCancelledOf.awaitCancel();
        }
        return null;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    public int fetches() {
        return fetches.get();
    }

    public boolean isClosed() {
        return closes.get() > 0;
    }
}
