package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.ParameterDescriptor;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ServerSession;

import java.sql.SQLException;
import java.util.List;

/** A prepared handle that knows its parameters and result columns, as an analysing session's would. */
public final class AnalyzedHandle implements PreparedHandle {

    private final FakeSession session;
    private final String sql;
    private final List<ParameterDescriptor> parameters;
    private final List<ColumnDescriptor> columns;
    private volatile boolean closed;

    public AnalyzedHandle(ServerSession session, String sql, List<ParameterDescriptor> parameters,
            List<ColumnDescriptor> columns) {
        this.session = (FakeSession) session;
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
        return session.run(sql, values, options, true);
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }
}
