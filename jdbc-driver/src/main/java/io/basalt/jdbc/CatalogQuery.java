package io.basalt.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A query over information_schema with the filters a metadata call can push down: each is an equality with a
 * {@code ?} parameter, so the query text never contains a client's string and the planner filters the system
 * table's rows before the driver sees them. A JDBC pattern pushes down only when it has no wildcard (the common
 * case of a tool asking about one table); otherwise the caller matches it on the rows.
 */
final class CatalogQuery {

    private final StringBuilder sql;
    private final List<String> values = new ArrayList<>();
    private boolean hasWhere;

    CatalogQuery(String select) {
        this.sql = new StringBuilder(select);
    }

    /** Adds {@code condition} (SQL text without parameters) to the WHERE clause. */
    CatalogQuery where(String condition) {
        sql.append(hasWhere ? " AND " : " WHERE ").append(condition);
        hasWhere = true;
        return this;
    }

    /** {@code column = value}; a null value means "any" and adds nothing. */
    CatalogQuery equal(String column, String value) {
        if (value != null) {
            where(column + " = ?");
            values.add(value);
        }
        return this;
    }

    /** {@code column = pattern} when the JDBC pattern names one exact value; a pattern with wildcards adds nothing. */
    CatalogQuery matching(String column, String pattern) {
        return equal(column, exactValue(pattern));
    }

    /** Runs the query and hands each row to {@code consumer}. */
    void forEachRow(Connection connection, RowConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 1, values.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    consumer.accept(result);
                }
            }
        }
    }

    /** What JDBC's search pattern matches when it matches exactly one string; null when it has wildcards or is null. */
    static String exactValue(String pattern) {
        if (pattern == null) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                value.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                return null;
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /** One row of a catalog query. */
    interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }
}
