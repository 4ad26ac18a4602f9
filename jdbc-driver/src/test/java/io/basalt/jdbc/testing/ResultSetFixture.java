package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ColumnDescriptor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A connection to a fresh {@link FakeDatabase} for result-set tests: {@link #onRow} runs a query whose
 * answer is one row of the given columns and values, and returns the result set positioned on it.
 */
public final class ResultSetFixture implements AutoCloseable {

    private final FakeDatabase database = FakeDatabase.create();
    private final Connection connection;

    public ResultSetFixture() throws SQLException {
        this.connection = DriverManager.getConnection(database.url());
    }

    public FakeDatabase database() {
        return database;
    }

    public Connection connection() {
        return connection;
    }

    /** A result set on the only row: {@code values[i]} in column {@code columns[i]}. */
    public ResultSet onRow(ColumnDescriptor[] columns, Object... values) throws SQLException {
        database.answer(execution -> Rows.of(columns).row(values).result());
        ResultSet resultSet = connection.createStatement().executeQuery("select");
        if (!resultSet.next()) {
            throw new AssertionError("the fixture row is missing");
        }
        return resultSet;
    }

    /** A result set on a row holding {@code value} in one column of type {@code column}. */
    public ResultSet onValue(ColumnDescriptor column, Object value) throws SQLException {
        return onRow(new ColumnDescriptor[] {column}, value);
    }

    /** Runs {@code sql} and returns its result set, not yet on a row. */
    public ResultSet query(Rows rows) throws SQLException {
        database.answer(execution -> rows.result());
        return connection.createStatement().executeQuery("select");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
