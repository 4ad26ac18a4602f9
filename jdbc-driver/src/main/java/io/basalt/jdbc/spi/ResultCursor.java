package io.basalt.jdbc.spi;

import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a query, delivered as columnar {@link ResultBatch}es in result order. The driver pulls
 * batches only as the application reads rows, so a session may produce them lazily (pulling drives the
 * query) and must stop the query when the cursor is closed early.
 *
 * <p>Calls are serialised with the other calls of the session (see {@link ServerSession}).
 */
public interface ResultCursor extends AutoCloseable {

    /** The result's columns, known before the first batch; the same list for the cursor's life. */
    List<ColumnDescriptor> columns();

    /**
     * The next batch, or {@code null} when there are no more rows. A batch may have zero rows (the driver
     * skips it). After the driver asks for the next batch, or closes the cursor, it no longer reads the
     * previous one, so a session may reuse that batch's arrays. Errors that happen while the query runs
     * (division by zero, memory budget, cancellation with SQLSTATE 57014) surface here.
     */
    ResultBatch nextBatch() throws SQLException;

    /** Stops the query if it still runs and frees its resources. Idempotent; the driver calls it once it is done. */
    @Override
    void close() throws SQLException;
}
