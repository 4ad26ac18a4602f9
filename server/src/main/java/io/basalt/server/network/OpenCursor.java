package io.basalt.server.network;

import io.basalt.jdbc.protocol.BatchCodec;
import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.MessageWriter;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.ResultCursor;

import java.io.IOException;
import java.sql.SQLException;

/**
 * A query result a client reads page by page. It sends exactly the rows asked for, cutting the executor's batches
 * where a page ends and keeping the rest for the next FETCH; between pages it holds only its query (the snapshot it
 * reads and the batch in hand), no lock, so a slow reader delays nobody else.
 */
final class OpenCursor implements AutoCloseable {

    /** Rows per DATA_BATCH frame at most, so a frame stays a few MiB even for wide text rows. */
    static final int ROWS_PER_FRAME = 8192;

    private final int id;
    private final ResultCursor cursor;
    private final long maxRows;
    private ResultBatch current;
    private int offset;
    private long sent;
    private boolean exhausted;

    OpenCursor(int id, ResultCursor cursor, long maxRows) {
        this.id = id;
        this.cursor = cursor;
        this.maxRows = maxRows;
    }

    int id() {
        return id;
    }

    /**
     * Sends up to {@code rows} rows as DATA_BATCH frames ({@code 0}: the server's choice, the rest of one executor
     * batch) and returns whether more may remain. Errors of the running query surface here.
     */
    boolean sendPage(int rows, ResponseChannel out) throws SQLException, IOException {
        long written = 0;
        while (!exhausted) {
            if (maxRows > 0 && sent >= maxRows) {
                exhausted = true;
                break;
            }
            if (current == null || offset >= current.rowCount()) {
                if (rows <= 0 && written > 0) {
                    break;
                }
                current = cursor.nextBatch();
                offset = 0;
                if (current == null) {
                    exhausted = true;
                }
                continue;
            }
            if (rows > 0 && written >= rows) {
                break;
            }
            long take = Math.min(current.rowCount() - offset, ROWS_PER_FRAME);
            if (rows > 0) {
                take = Math.min(take, rows - written);
            }
            if (maxRows > 0) {
                take = Math.min(take, maxRows - sent);
            }
            MessageWriter frame = new MessageWriter(MessageTypes.DATA_BATCH, (int) take * 8 * Math.max(1, current.columnCount()));
            frame.putInt(id);
            BatchCodec.write(frame, current, offset, (int) take);
            out.send(frame);
            offset += (int) take;
            written += take;
            sent += take;
        }
        return !exhausted;
    }

    @Override
    public void close() {
        current = null;
        try {
            cursor.close();
        } catch (SQLException ignored) {
            // closing stops the query; a failure to stop it is not the client's concern
        }
    }
}
