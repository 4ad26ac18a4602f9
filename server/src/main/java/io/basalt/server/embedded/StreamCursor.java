package io.basalt.server.embedded;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.ResultStream;
import io.basalt.execution.plan.Column;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.ResultCursor;
import io.basalt.jdbc.spi.SqlExceptionFactory;

import java.sql.SQLException;
import java.util.List;

/** A query's result stream as the driver reads it, batch by batch. */
final class StreamCursor implements ResultCursor {

    private final ResultStream stream;
    private final List<Column> columns;
    private final List<ColumnDescriptor> descriptors;

    StreamCursor(ResultStream stream) {
        this.stream = stream;
        this.columns = stream.columns();
        this.descriptors = columns.stream().map(JdbcTypes::describe).toList();
    }

    @Override
    public List<ColumnDescriptor> columns() {
        return descriptors;
    }

    @Override
    public ResultBatch nextBatch() throws SQLException {
        try {
            var batch = stream.next();
            return batch == null ? null : BatchConverter.convert(columns, batch);
        } catch (ExecutionException e) {
            stream.close();
            throw SqlExceptionFactory.create(e.sqlState(), e.getMessage(), e);
        } catch (RuntimeException e) {
            stream.close();
            throw SqlExceptionFactory.create("XX000", "internal error: " + e, e);
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
