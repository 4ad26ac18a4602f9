package io.basalt.jdbc.net;

import io.basalt.jdbc.protocol.DescriptorCodec;
import io.basalt.jdbc.protocol.ErrorCodec;
import io.basalt.jdbc.protocol.MessageReader;
import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.MessageWriter;
import io.basalt.jdbc.protocol.ProtocolException;
import io.basalt.jdbc.protocol.ValueCodec;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.ParameterDescriptor;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.jdbc.spi.ServerSession;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;

/**
 * A session on a Basalt server, one request and its answer at a time (the driver serialises calls; the methods are
 * synchronized anyway, so a cursor closed by a finalising thread cannot interleave frames). {@link #cancel()} and
 * {@link #isValid(int)} are the only calls that may come from other threads while one runs: cancel goes over a
 * second connection, and isValid answers from the connection's state when it cannot get the socket.
 */
final class SocketServerSession implements ServerSession {

    private final ProtocolConnection connection;
    private int nextStatementId = 1;
    private volatile boolean closed;

    SocketServerSession(ProtocolConnection connection) {
        this.connection = connection;
    }

    @Override
    public synchronized ExecutionResult execute(String sql, List<Object> parameters, ExecutionOptions options) throws SQLException {
        MessageWriter query = new MessageWriter(MessageTypes.QUERY).putString(sql).putInt(options.fetchSize())
                .putLong(options.maxRows());
        ValueCodec.writeValues(query, parameters);
        connection.send(query);
        return readResult(options.fetchSize());
    }

    @Override
    public synchronized PreparedHandle prepare(String sql) throws SQLException {
        int id = nextStatementId++;
        connection.send(new MessageWriter(MessageTypes.PREPARE).putInt(id).putString(sql));
        MessageReader prepared = connection.expect(MessageTypes.PREPARED);
        try {
            if (prepared.getInt() != id) {
                throw new ProtocolException("PREPARED answers another statement than " + id);
            }
            List<ParameterDescriptor> parameters = DescriptorCodec.readParameters(prepared);
            List<ColumnDescriptor> columns = prepared.getBoolean() ? DescriptorCodec.readColumns(prepared) : null;
            prepared.expectEnd();
            return new SocketPreparedHandle(this, id, sql, parameters, columns);
        } catch (ProtocolException e) {
            throw connection.failure(e);
        }
    }

    synchronized ExecutionResult executePrepared(int statementId, List<Object> parameters, ExecutionOptions options)
            throws SQLException {
        MessageWriter execute = new MessageWriter(MessageTypes.EXECUTE).putInt(statementId).putInt(options.fetchSize())
                .putLong(options.maxRows());
        ValueCodec.writeValues(execute, parameters);
        connection.send(execute);
        return readResult(options.fetchSize());
    }

    /** A whole batch in one request; {@code null} when the server runs such a statement's sets one by one. */
    synchronized long[] executeBatch(int statementId, List<List<Object>> parameterSets) throws SQLException {
        MessageWriter batch = new MessageWriter(MessageTypes.EXECUTE_BATCH).putInt(statementId).putInt(parameterSets.size());
        for (List<Object> parameters : parameterSets) {
            ValueCodec.writeValues(batch, parameters);
        }
        connection.send(batch);
        MessageReader counts = connection.expect(MessageTypes.BATCH_COUNTS);
        try {
            int count = counts.getInt();
            if (count < 0) {
                counts.expectEnd();
                return null;
            }
            counts.checkRemaining(count * 8L, "update counts");
            long[] result = new long[count];
            for (int i = 0; i < count; i++) {
                result[i] = counts.getLong();
            }
            counts.expectEnd();
            return result;
        } catch (ProtocolException e) {
            throw connection.failure(e);
        }
    }

    /** Reads the answer to QUERY or EXECUTE: warnings, then an update count or a row description and the first rows. */
    private ExecutionResult readResult(int fetchSize) throws SQLException {
        SQLWarning warnings = null;
        try {
            while (true) {
                MessageReader message = connection.receive();
                if (message.type() == MessageTypes.WARNING) {
                    SQLWarning warning = ErrorCodec.readWarning(message);
                    if (warnings == null) {
                        warnings = warning;
                    } else {
                        warnings.setNextWarning(warning);
                    }
                } else if (message.type() == MessageTypes.UPDATE_COUNT) {
                    long count = message.getLong();
                    message.expectEnd();
                    return ExecutionResult.updateCount(count).withWarnings(warnings);
                } else if (message.type() == MessageTypes.ROW_DESCRIPTION) {
                    int cursorId = message.getInt();
                    List<ColumnDescriptor> columns = DescriptorCodec.readColumns(message);
                    message.expectEnd();
                    ResultPage page = ResultPage.read(connection, cursorId);
                    return ExecutionResult.rows(new SocketResultCursor(this, cursorId, columns, fetchSize, page))
                            .withWarnings(warnings);
                } else {
                    throw connection.unexpected(message);
                }
            }
        } catch (ProtocolException e) {
            throw connection.failure(e);
        }
    }

    synchronized ResultPage fetch(int cursorId, int rows) throws SQLException {
        connection.send(new MessageWriter(MessageTypes.FETCH).putInt(cursorId).putInt(rows));
        return ResultPage.read(connection, cursorId);
    }

    /** Sends a request whose answer is OK. */
    synchronized void request(MessageWriter message) throws SQLException {
        connection.send(message);
        MessageReader ok = connection.expect(MessageTypes.OK);
        try {
            ok.expectEnd();
        } catch (ProtocolException e) {
            throw connection.failure(e);
        }
    }

    @Override
    public void cancel() throws SQLException {
        if (!closed && !connection.isBroken()) {
            connection.sendCancel();
        }
    }

    /** A second connection per call, like cancel: the session's own socket may be busy with the statement. */
    @Override
    public ProgressReport progress() throws SQLException {
        if (closed || connection.isBroken()) {
            return null;
        }
        return connection.requestProgress();
    }

    /** Pings the server when no call is running; while one runs, the connection is as valid as its socket. */
    @Override
    public boolean isValid(int timeoutSeconds) {
        if (closed || connection.isBroken()) {
            return false;
        }
        if (!tryPing(timeoutSeconds)) {
            return !closed && !connection.isBroken();
        }
        return !connection.isBroken();
    }

    private boolean tryPing(int timeoutSeconds) {
        if (Thread.holdsLock(this)) {
            return false;
        }
        synchronized (this) {
            connection.readTimeout(timeoutSeconds * 1000);
            try {
                request(new MessageWriter(MessageTypes.PING));
            } catch (SQLException e) {
                return true;
            } finally {
                connection.restoreReadTimeout();
            }
            return true;
        }
    }

    /** The socket's read timeout; not synchronized, so it reaches a call that is waiting for its answer already. */
    @Override
    public void setNetworkTimeout(int milliseconds) {
        connection.networkTimeout(milliseconds);
    }

    @Override
    public synchronized void setAutoCommit(boolean autoCommit) throws SQLException {
        request(new MessageWriter(MessageTypes.SET_AUTO_COMMIT).putBoolean(autoCommit));
    }

    @Override
    public synchronized void commit() throws SQLException {
        request(new MessageWriter(MessageTypes.COMMIT));
    }

    @Override
    public synchronized void rollback() throws SQLException {
        request(new MessageWriter(MessageTypes.ROLLBACK));
    }

    void closeStatement(int statementId) throws SQLException {
        if (!closed && !connection.isBroken()) {
            request(new MessageWriter(MessageTypes.CLOSE_STATEMENT).putInt(statementId));
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!connection.isBroken()) {
            try {
                connection.send(new MessageWriter(MessageTypes.TERMINATE));
            } catch (SQLException ignored) {
                // the server frees the session when the socket closes anyway
            }
        }
        connection.closeQuietly();
    }
}
