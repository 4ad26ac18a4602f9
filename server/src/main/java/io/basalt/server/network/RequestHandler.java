package io.basalt.server.network;

import io.basalt.jdbc.protocol.DescriptorCodec;
import io.basalt.jdbc.protocol.ErrorCodec;
import io.basalt.jdbc.protocol.Frame;
import io.basalt.jdbc.protocol.MessageReader;
import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.MessageWriter;
import io.basalt.jdbc.protocol.ProtocolException;
import io.basalt.jdbc.protocol.ValueCodec;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers one authenticated connection's requests (docs/protocol.md, "Requests") with its session: every request
 * gets its answer frames and then exactly one final frame. Runs on the statement pool, one request at a time per
 * connection. A statement's failure is an ERROR frame and the connection goes on; a protocol violation
 * ({@link ProtocolException}) is thrown to the connection, which answers 08P01 and closes.
 */
final class RequestHandler implements AutoCloseable {

    private final ServerSession session;
    private final ResponseChannel out;
    private final Map<Integer, PreparedHandle> statements = new HashMap<>();
    private final Map<Integer, OpenCursor> cursors = new HashMap<>();
    private int nextCursorId = 1;

    RequestHandler(ServerSession session, ResponseChannel out) {
        this.session = session;
        this.out = out;
    }

    void handle(Frame frame) throws ProtocolException, IOException {
        MessageReader request = frame.reader();
        try {
            dispatch(request);
        } catch (SQLException e) {
            out.send(ErrorCodec.error(e));
        } catch (RuntimeException e) {
            SQLException internal = SqlExceptionFactory.create("XX000", "internal error: " + e, e);
            out.send(ErrorCodec.error(internal));
        }
        out.flush();
    }

    private void dispatch(MessageReader request) throws SQLException, ProtocolException, IOException {
        switch (request.type()) {
            case MessageTypes.QUERY: {
                String sql = request.getRequiredString("the statement");
                int fetchSize = nonNegative(request.getInt(), "fetch size");
                long maxRows = request.getLong();
                List<Object> values = ValueCodec.readValues(request);
                request.expectEnd();
                ExecutionOptions options = new ExecutionOptions(fetchSize, Math.max(0, maxRows), 0);
                answer(session.execute(sql, values, options), options);
                return;
            }
            case MessageTypes.PREPARE: {
                int id = request.getInt();
                String sql = request.getRequiredString("the statement");
                request.expectEnd();
                prepare(id, sql);
                return;
            }
            case MessageTypes.EXECUTE: {
                PreparedHandle statement = statement(request.getInt());
                int fetchSize = nonNegative(request.getInt(), "fetch size");
                long maxRows = request.getLong();
                List<Object> values = ValueCodec.readValues(request);
                request.expectEnd();
                ExecutionOptions options = new ExecutionOptions(fetchSize, Math.max(0, maxRows), 0);
                answer(statement.execute(values, options), options);
                return;
            }
            case MessageTypes.EXECUTE_BATCH:
                executeBatch(request);
                return;
            case MessageTypes.FETCH: {
                int id = request.getInt();
                int rows = nonNegative(request.getInt(), "row count");
                request.expectEnd();
                OpenCursor cursor = cursors.get(id);
                if (cursor == null) {
                    throw SqlExceptionFactory.create("34000", "no open cursor " + id + " (closed or read to the end)");
                }
                sendPage(cursor, rows);
                return;
            }
            case MessageTypes.CLOSE_CURSOR: {
                OpenCursor cursor = cursors.remove(request.getInt());
                request.expectEnd();
                if (cursor != null) {
                    cursor.close();
                }
                ok();
                return;
            }
            case MessageTypes.CLOSE_STATEMENT: {
                PreparedHandle statement = statements.remove(request.getInt());
                request.expectEnd();
                if (statement != null) {
                    statement.close();
                }
                ok();
                return;
            }
            case MessageTypes.SET_AUTO_COMMIT: {
                boolean autoCommit = request.getBoolean();
                request.expectEnd();
                session.setAutoCommit(autoCommit);
                ok();
                return;
            }
            case MessageTypes.COMMIT:
                request.expectEnd();
                session.commit();
                ok();
                return;
            case MessageTypes.ROLLBACK:
                request.expectEnd();
                session.rollback();
                ok();
                return;
            case MessageTypes.PING:
                request.expectEnd();
                ok();
                return;
            default:
                throw new ProtocolException("unknown message type '" + (char) request.type() + "' (0x"
                        + Integer.toHexString(request.type() & 0xff) + ")");
        }
    }

    private static int nonNegative(int value, String what) throws ProtocolException {
        if (value < 0) {
            throw new ProtocolException(what + " must not be negative: " + value);
        }
        return value;
    }

    private void prepare(int id, String sql) throws SQLException, IOException {
        PreparedHandle statement = session.prepare(sql);
        PreparedHandle previous = statements.put(id, statement);
        if (previous != null) {
            previous.close();
        }
        MessageWriter prepared = new MessageWriter(MessageTypes.PREPARED).putInt(id);
        DescriptorCodec.writeParameters(prepared, statement.parameterDescriptors() == null ? List.of()
                : statement.parameterDescriptors());
        prepared.putBoolean(statement.resultColumns() != null);
        if (statement.resultColumns() != null) {
            DescriptorCodec.writeColumns(prepared, statement.resultColumns());
        }
        out.send(prepared);
    }

    private PreparedHandle statement(int id) throws SQLException {
        PreparedHandle statement = statements.get(id);
        if (statement == null) {
            throw SqlExceptionFactory.create("26000", "no prepared statement " + id);
        }
        return statement;
    }

    private void executeBatch(MessageReader request) throws SQLException, ProtocolException, IOException {
        PreparedHandle statement = statement(request.getInt());
        int count = request.getCount(2);
        List<List<Object>> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sets.add(ValueCodec.readValues(request));
        }
        request.expectEnd();
        long[] counts = statement.executeBatch(sets, ExecutionOptions.DEFAULT);
        MessageWriter answer = new MessageWriter(MessageTypes.BATCH_COUNTS);
        if (counts == null) {
            answer.putInt(-1);
        } else {
            answer.putInt(counts.length);
            for (long updated : counts) {
                answer.putLong(updated);
            }
        }
        out.send(answer);
    }

    private void answer(ExecutionResult result, ExecutionOptions options) throws SQLException, IOException {
        for (SQLWarning warning = result.warnings(); warning != null; warning = warning.getNextWarning()) {
            out.send(ErrorCodec.warning(warning));
        }
        if (!result.hasRows()) {
            out.send(new MessageWriter(MessageTypes.UPDATE_COUNT).putLong(result.updateCount()));
            return;
        }
        OpenCursor cursor = new OpenCursor(nextCursorId++, result.cursor(), options.maxRows());
        MessageWriter description = new MessageWriter(MessageTypes.ROW_DESCRIPTION).putInt(cursor.id());
        DescriptorCodec.writeColumns(description, result.cursor().columns());
        out.send(description);
        cursors.put(cursor.id(), cursor);
        sendPage(cursor, options.fetchSize());
    }

    /** Sends a page, then SUSPENDED (the cursor stays) or NO_MORE_ROWS; a failing query sends ERROR and closes it. */
    private void sendPage(OpenCursor cursor, int rows) throws IOException {
        boolean more;
        try {
            more = cursor.sendPage(rows, out);
        } catch (SQLException e) {
            cursors.remove(cursor.id()).close();
            out.send(ErrorCodec.error(e));
            return;
        }
        if (more) {
            out.send(new MessageWriter(MessageTypes.SUSPENDED).putInt(cursor.id()));
        } else {
            cursors.remove(cursor.id()).close();
            out.send(new MessageWriter(MessageTypes.NO_MORE_ROWS).putInt(cursor.id()));
        }
    }

    private void ok() throws IOException {
        out.send(new MessageWriter(MessageTypes.OK));
    }

    /** Stops the running statement, from any thread (cancel requests, dropped connections, shutdown). */
    void cancel() {
        try {
            session.cancel();
        } catch (SQLException ignored) {
            // the embedded session's cancel only sets a flag
        }
    }

    /** How far the session's latest statement has got, from any thread; null if the session cannot tell. */
    ProgressReport progress() {
        try {
            return session.progress();
        } catch (SQLException e) {
            return null; // the embedded session reads counters and does not fail; nothing to report otherwise
        }
    }

    /** Closes cursors (their snapshots and query memory go), prepared statements and the session. */
    @Override
    public void close() {
        cursors.values().forEach(OpenCursor::close);
        cursors.clear();
        for (PreparedHandle statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing frees plans only
            }
        }
        statements.clear();
        try {
            session.close();
        } catch (SQLException ignored) {
            // the session rolls back what it holds; nothing to report to a client that is gone
        }
    }
}
