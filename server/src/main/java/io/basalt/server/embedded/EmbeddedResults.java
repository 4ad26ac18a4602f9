package io.basalt.server.embedded;

import io.basalt.execution.ExecutionException;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.TypedNull;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The translations between the driver's SPI and a session: parameter values in, results and errors out. */
final class EmbeddedResults {

    private EmbeddedResults() {
    }

    /** The driver's parameter values as the session takes them: a NULL is a NULL whatever JDBC type it names. */
    static List<Object> values(List<Object> parameters) {
        List<Object> values = new ArrayList<>(parameters.size());
        for (Object parameter : parameters) {
            values.add(parameter instanceof TypedNull ? null : parameter);
        }
        return values;
    }

    static ExecutionResult result(StatementResult result) {
        if (result instanceof StatementResult.Rows rows) {
            return ExecutionResult.rows(new StreamCursor(rows.rows()));
        }
        return ExecutionResult.updateCount(((StatementResult.RowCount) result).count());
    }

    /** A session's failure as the driver reports it; anything but a statement's own error is a bug (XX000). */
    static SQLException error(RuntimeException failure) {
        if (failure instanceof StatementException e) {
            if (e.line().isPresent()) {
                return SqlExceptionFactory.atPosition(e.sqlState(), e.getMessage(), e.line().getAsInt(), e.column().orElse(1));
            }
            return SqlExceptionFactory.create(e.sqlState(), e.getMessage(), e);
        }
        if (failure instanceof ExecutionException e) {
            return SqlExceptionFactory.create(e.sqlState(), e.getMessage(), e);
        }
        return SqlExceptionFactory.create("XX000", "internal error: " + failure, failure);
    }
}
