package io.basalt.server.embedded;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.ParameterDescriptor;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.server.PreparedStatement;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's handle on a statement the session prepared: parameter types and result columns known up front
 * ({@link java.sql.ParameterMetaData}, {@code getMetaData()}), one cached plan for every execution, and whole
 * batches of INSERTs run as one transaction.
 */
final class EmbeddedPreparedHandle implements PreparedHandle {

    private final PreparedStatement statement;

    EmbeddedPreparedHandle(PreparedStatement statement) {
        this.statement = statement;
    }

    @Override
    public String sql() {
        return statement.sql();
    }

    @Override
    public int parameterCount() {
        return statement.parameterTypes().size();
    }

    @Override
    public List<ParameterDescriptor> parameterDescriptors() {
        return statement.parameterTypes().stream().map(JdbcTypes::parameter).toList();
    }

    @Override
    public List<ColumnDescriptor> resultColumns() {
        return statement.resultColumns().map(columns -> columns.stream().map(JdbcTypes::describe).toList()).orElse(null);
    }

    @Override
    public ExecutionResult execute(List<Object> parameters, ExecutionOptions options) throws SQLException {
        try {
            return EmbeddedResults.result(statement.execute(EmbeddedResults.values(parameters)));
        } catch (RuntimeException e) {
            throw EmbeddedResults.error(e);
        }
    }

    /** INSERTs run a whole batch in one transaction; other statements let the driver run sets one by one. */
    @Override
    public long[] executeBatch(List<List<Object>> parameterSets, ExecutionOptions options) throws SQLException {
        if (!statement.runsBatches()) {
            return null;
        }
        List<List<Object>> values = new ArrayList<>(parameterSets.size());
        for (List<Object> parameters : parameterSets) {
            values.add(EmbeddedResults.values(parameters));
        }
        try {
            return statement.executeBatch(values);
        } catch (RuntimeException e) {
            throw EmbeddedResults.error(e);
        }
    }

    @Override
    public void close() {
        statement.close();
    }
}
