package io.basalt.jdbc.net;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.ParameterDescriptor;
import io.basalt.jdbc.spi.PreparedHandle;

import java.sql.SQLException;
import java.util.List;

/** A statement prepared on the server (parsed and planned once there); executions send only its id and values. */
final class SocketPreparedHandle implements PreparedHandle {

    private final SocketServerSession session;
    private final int statementId;
    private final String sql;
    private final List<ParameterDescriptor> parameters;
    private final List<ColumnDescriptor> columns;
    private boolean closed;

    SocketPreparedHandle(SocketServerSession session, int statementId, String sql, List<ParameterDescriptor> parameters,
                         List<ColumnDescriptor> columns) {
        this.session = session;
        this.statementId = statementId;
        this.sql = sql;
        this.parameters = parameters;
        this.columns = columns;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public int parameterCount() {
        return parameters.size();
    }

    @Override
    public List<ParameterDescriptor> parameterDescriptors() {
        return parameters;
    }

    @Override
    public List<ColumnDescriptor> resultColumns() {
        return columns;
    }

    @Override
    public ExecutionResult execute(List<Object> values, ExecutionOptions options) throws SQLException {
        return session.executePrepared(statementId, values, options);
    }

    @Override
    public long[] executeBatch(List<List<Object>> parameterSets, ExecutionOptions options) throws SQLException {
        return session.executeBatch(statementId, parameterSets);
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            session.closeStatement(statementId);
        }
    }
}
