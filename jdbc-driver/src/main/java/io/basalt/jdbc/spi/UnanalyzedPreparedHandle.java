package io.basalt.jdbc.spi;

import java.sql.SQLException;
import java.util.List;

/**
 * A prepared statement the session knows nothing about ahead of time: each execution hands the text and
 * the parameters to {@link ServerSession#execute}. Sessions that do not analyse statements at prepare time
 * return this from {@link ServerSession#prepare}; the driver then counts the {@code ?} markers itself.
 */
public final class UnanalyzedPreparedHandle implements PreparedHandle {

    private final ServerSession session;
    private final String sql;

    public UnanalyzedPreparedHandle(ServerSession session, String sql) {
        if (session == null || sql == null) {
            throw new IllegalArgumentException("session and sql are required");
        }
        this.session = session;
        this.sql = sql;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public int parameterCount() {
        return -1;
    }

    @Override
    public List<ParameterDescriptor> parameterDescriptors() {
        return null;
    }

    @Override
    public List<ColumnDescriptor> resultColumns() {
        return null;
    }

    @Override
    public ExecutionResult execute(List<Object> parameters, ExecutionOptions options) throws SQLException {
        return session.execute(sql, parameters, options);
    }

    @Override
    public void close() {
        // Nothing is held for an unanalysed statement.
    }
}
