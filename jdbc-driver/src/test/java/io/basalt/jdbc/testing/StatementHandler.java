package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ExecutionResult;

import java.sql.SQLException;

/** How a {@link FakeDatabase} answers a statement. */
@FunctionalInterface
public interface StatementHandler {
    ExecutionResult handle(Execution execution) throws SQLException;
}
