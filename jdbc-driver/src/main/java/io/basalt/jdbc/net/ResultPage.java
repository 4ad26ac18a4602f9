package io.basalt.jdbc.net;

import io.basalt.jdbc.protocol.BatchCodec;
import io.basalt.jdbc.protocol.MessageReader;
import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.ProtocolException;
import io.basalt.jdbc.spi.ResultBatch;

import java.sql.SQLException;
import java.util.ArrayDeque;

/**
 * The rows one request brought back: DATA_BATCH frames up to SUSPENDED (more rows wait on the server) or
 * NO_MORE_ROWS (the cursor is gone). An ERROR in between (the query failed while running) is kept and thrown once
 * the batches before it are read, as the SPI wants runtime errors to surface from {@code nextBatch}.
 */
final class ResultPage {

    final ArrayDeque<ResultBatch> batches = new ArrayDeque<>();
    boolean suspended;
    SQLException error;

    static ResultPage read(ProtocolConnection connection, int cursorId) throws SQLException {
        ResultPage page = new ResultPage();
        while (true) {
            MessageReader message;
            try {
                message = connection.receive();
            } catch (SQLException e) {
                if (connection.isBroken()) {
                    throw e;
                }
                page.error = e;
                return page;
            }
            try {
                if (message.type() == MessageTypes.DATA_BATCH) {
                    checkCursor(message, cursorId);
                    page.batches.add(BatchCodec.read(message));
                } else if (message.type() == MessageTypes.SUSPENDED || message.type() == MessageTypes.NO_MORE_ROWS) {
                    checkCursor(message, cursorId);
                    message.expectEnd();
                    page.suspended = message.type() == MessageTypes.SUSPENDED;
                    return page;
                } else {
                    throw connection.unexpected(message);
                }
            } catch (ProtocolException e) {
                throw connection.failure(e);
            }
        }
    }

    private static void checkCursor(MessageReader message, int cursorId) throws ProtocolException {
        int id = message.getInt();
        if (id != cursorId) {
            throw new ProtocolException("rows of cursor " + id + " arrived while reading cursor " + cursorId);
        }
    }
}
