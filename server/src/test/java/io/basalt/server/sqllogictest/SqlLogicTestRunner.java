package io.basalt.server.sqllogictest;

import io.basalt.jdbc.spi.BasaltSQLException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Runs sqllogictest records against a JDBC connection and reports the first record that does not behave
 * as written. Values are rendered per the record's type letters: I as an integer, R with three decimals
 * (as SQLite's corpus does; NaN and infinities by name), T/D/B as the driver's string; NULL as {@code NULL},
 * '' as {@code (empty)}.
 *
 * <p>{@code __TEST_DIR__} in a statement or an expected error stands for a directory of the test's own (as in
 * DuckDB's runner), for files that COPY writes and reads. The text an expected error is looked for in is the
 * message followed by {@code (line L, column C)} when the error points into the statement, so a record can
 * check the position too.
 */
final class SqlLogicTestRunner {

    private static final String TEST_DIRECTORY_PLACEHOLDER = "__TEST_DIR__";

    private SqlLogicTestRunner() {
    }

    /** The failure of the first record that fails, or empty when all pass. */
    static Optional<String> run(String fileName, List<SqlLogicTestRecord> records, Connection connection, Path testDirectory) {
        for (SqlLogicTestRecord record : records) {
            Optional<String> failure = runOne(record, connection, testDirectory.toString());
            if (failure.isPresent()) {
                return Optional.of(fileName + ":" + record.line() + ": " + failure.get() + "\n  SQL: " + record.sql());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> runOne(SqlLogicTestRecord record, Connection connection, String testDirectory) {
        String sql = record.sql().replace(TEST_DIRECTORY_PLACEHOLDER, testDirectory);
        try (Statement statement = connection.createStatement()) {
            if (record instanceof SqlLogicTestRecord.StatementOk) {
                executeFully(statement, sql);
                return Optional.empty();
            }
            if (record instanceof SqlLogicTestRecord.StatementError error) {
                try {
                    executeFully(statement, sql);
                    return Optional.of("expected an error, the statement succeeded");
                } catch (SQLException e) {
                    String reported = errorText(e);
                    if (error.sqlState() != null && !error.sqlState().equals(e.getSQLState())) {
                        return Optional.of("expected SQLSTATE " + error.sqlState() + ", got " + e.getSQLState() + ": " + reported);
                    }
                    String fragment = error.messageFragment() == null ? null
                            : error.messageFragment().replace(TEST_DIRECTORY_PLACEHOLDER, testDirectory);
                    if (fragment != null && !reported.contains(fragment)) {
                        return Optional.of("expected an error containing '" + fragment + "', got: " + reported);
                    }
                    return Optional.empty();
                }
            }
            SqlLogicTestRecord.Query query = (SqlLogicTestRecord.Query) record;
            List<String> actual = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(sql)) {
                int columns = result.getMetaData().getColumnCount();
                if (columns != query.types().length()) {
                    return Optional.of("the query returns " + columns + " columns, the record declares " + query.types().length());
                }
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= columns; column++) {
                        row.append(column == 1 ? "" : "\t").append(render(result, column, query.types().charAt(column - 1)));
                    }
                    actual.add(row.toString());
                }
            }
            List<String> expected = new ArrayList<>(query.expectedRows());
            if (query.rowSort()) {
                Collections.sort(actual);
                Collections.sort(expected);
            }
            if (!actual.equals(expected)) {
                return Optional.of("wrong result\n  expected:\n    " + String.join("\n    ", expected)
                        + "\n  actual:\n    " + String.join("\n    ", actual));
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("unexpected error " + e.getSQLState() + ": " + e.getMessage());
        }
    }

    /** The message, and where the error points in the statement if it does. */
    private static String errorText(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof BasaltSQLException located && located.getPosition().isPresent()) {
            return message + " (line " + located.getPosition().get().line() + ", column "
                    + located.getPosition().get().column() + ")";
        }
        return message;
    }

    /** Runs a statement and reads any rows it returns: errors of a query can surface while rows stream. */
    private static void executeFully(Statement statement, String sql) throws SQLException {
        if (statement.execute(sql)) {
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
    }

    private static String render(ResultSet result, int column, char type) throws SQLException {
        Object value = result.getObject(column);
        if (value == null) {
            return "NULL";
        }
        switch (type) {
            case 'I':
                return Long.toString(result.getLong(column));
            case 'R': {
                if (value instanceof Double number && !Double.isFinite(number)) {
                    return number.toString();
                }
                if (value instanceof Float number && !Float.isFinite(number)) {
                    return Double.toString(number);
                }
                BigDecimal decimal = value instanceof BigDecimal exact ? exact : BigDecimal.valueOf(result.getDouble(column));
                return decimal.setScale(3, RoundingMode.HALF_UP).toPlainString();
            }
            default: {
                String text = result.getString(column);
                return text.isEmpty() ? "(empty)" : text;
            }
        }
    }
}
