package io.basalt.server.sqllogictest;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * (as SQLite's corpus does), T/D/B as the driver's string; NULL as {@code NULL}, '' as {@code (empty)}.
 */
final class SqlLogicTestRunner {

    private SqlLogicTestRunner() {
    }

    /** The failure of the first record that fails, or empty when all pass. */
    static Optional<String> run(String fileName, List<SqlLogicTestRecord> records, Connection connection) {
        for (SqlLogicTestRecord record : records) {
            Optional<String> failure = runOne(record, connection);
            if (failure.isPresent()) {
                return Optional.of(fileName + ":" + record.line() + ": " + failure.get() + "\n  SQL: " + record.sql());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> runOne(SqlLogicTestRecord record, Connection connection) {
        try (Statement statement = connection.createStatement()) {
            if (record instanceof SqlLogicTestRecord.StatementOk) {
                executeFully(statement, record.sql());
                return Optional.empty();
            }
            if (record instanceof SqlLogicTestRecord.StatementError error) {
                try {
                    executeFully(statement, error.sql());
                    return Optional.of("expected an error, the statement succeeded");
                } catch (SQLException e) {
                    if (error.sqlState() != null && !error.sqlState().equals(e.getSQLState())) {
                        return Optional.of("expected SQLSTATE " + error.sqlState() + ", got " + e.getSQLState() + ": " + e.getMessage());
                    }
                    if (error.messageFragment() != null && !String.valueOf(e.getMessage()).contains(error.messageFragment())) {
                        return Optional.of("expected an error containing '" + error.messageFragment() + "', got: " + e.getMessage());
                    }
                    return Optional.empty();
                }
            }
            SqlLogicTestRecord.Query query = (SqlLogicTestRecord.Query) record;
            List<String> actual = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(query.sql())) {
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
