package io.basalt.jdbc.net;

import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.MessageWriter;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.ResultCursor;

import java.sql.SQLException;
import java.util.List;

/**
 * A result streamed from the server: the rows of the last page first, then a FETCH for {@code fetchSize} more rows
 * whenever they run out and the server holds more. The server never sends rows it was not asked for, so a reader
 * that stops costs the server one open cursor, nothing else.
 */
final class SocketResultCursor implements ResultCursor {

    private final SocketServerSession session;
    private final int cursorId;
    private final List<ColumnDescriptor> columns;
    private final int fetchSize;
    private ResultPage page;
    private boolean closed;

    SocketResultCursor(SocketServerSession session, int cursorId, List<ColumnDescriptor> columns, int fetchSize, ResultPage page) {
        this.session = session;
        this.cursorId = cursorId;
        this.columns = columns;
        this.fetchSize = fetchSize;
        this.page = page;
    }

    @Override
    public List<ColumnDescriptor> columns() {
        return columns;
    }

    @Override
    public ResultBatch nextBatch() throws SQLException {
        while (!closed) {
            ResultBatch batch = page.batches.poll();
            if (batch != null) {
                return batch;
            }
            if (page.error != null) {
                closed = true;
                throw page.error;
            }
            if (!page.suspended) {
                closed = true;
                return null;
            }
            page = session.fetch(cursorId, fetchSize);
        }
        return null;
    }

    /** Tells the server to drop the cursor if it still holds rows; idempotent. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (page.suspended && page.error == null) {
            session.request(new MessageWriter(MessageTypes.CLOSE_CURSOR).putInt(cursorId));
        }
    }
}
