package io.basalt.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code DatabaseMetaData.getTables}, answered from {@code information_schema.tables}. A pattern naming one exact
 * name is pushed into the query ({@link CatalogQuery}); patterns with wildcards are matched here rather than with
 * LIKE: JDBC's patterns escape with {@code \} whatever the database's LIKE does.
 */
final class CatalogTables {

    private static final String QUERY = "SELECT table_schema, table_name, table_type FROM information_schema.tables";
    private static final String PRIVILEGES = "SELECT table_schema, table_name, grantor, grantee, privilege_type, "
            + "is_grantable FROM information_schema.table_privileges";

    private CatalogTables() {
    }

    static ResultSet tables(Connection connection, String catalog, String schemaPattern, String tableNamePattern,
                            String[] types) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        // Basalt has no catalogs: only "no catalog" (empty) or "any" (null) matches.
        if (catalog == null || catalog.isEmpty()) {
            Pattern schemas = likePattern(schemaPattern);
            Pattern tables = likePattern(tableNamePattern);
            List<String> wantedTypes = types == null ? null : Arrays.asList(types);
            new CatalogQuery(QUERY).matching("table_schema", schemaPattern).matching("table_name", tableNamePattern)
                    .forEachRow(connection, result -> {
                        String schema = result.getString(1);
                        String name = result.getString(2);
                        String type = jdbcType(result.getString(3));
                        if (schemas.matcher(schema).matches() && tables.matcher(name).matches()
                                && (wantedTypes == null || wantedTypes.contains(type))) {
                            rows.add(new Object[] {null, schema, name, type, null, null, null, null, null, null});
                        }
                    });
        }
        // JDBC orders by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM and TABLE_NAME.
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[3]).thenComparing(row -> (String) row[1])
                .thenComparing(row -> (String) row[2]));
        return MetadataResultShapes.rows(MetadataResultShapes.TABLES, rows);
    }

    /**
     * {@code getTablePrivileges} from {@code information_schema.table_privileges}: what the session's roles may see
     * (PostgreSQL's rule: privileges granted to or by one of them, or on tables they own).
     */
    static ResultSet privileges(Connection connection, String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (catalog == null || catalog.isEmpty()) {
            Pattern schemas = likePattern(schemaPattern);
            Pattern tables = likePattern(tableNamePattern);
            new CatalogQuery(PRIVILEGES).matching("table_schema", schemaPattern).matching("table_name", tableNamePattern)
                    .forEachRow(connection, result -> {
                        if (schemas.matcher(result.getString(1)).matches() && tables.matcher(result.getString(2)).matches()) {
                            rows.add(new Object[] {null, result.getString(1), result.getString(2), result.getString(3),
                                result.getString(4), result.getString(5), result.getString(6)});
                        }
                    });
        }
        // JDBC orders by TABLE_CAT, TABLE_SCHEM, TABLE_NAME and PRIVILEGE.
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[1]).thenComparing(row -> (String) row[2])
                .thenComparing(row -> (String) row[5]).thenComparing(row -> (String) row[4]));
        return MetadataResultShapes.rows(MetadataResultShapes.TABLE_PRIVILEGES, rows);
    }

    /** information_schema says BASE TABLE; JDBC says TABLE, and the system schema's tables are SYSTEM TABLEs. */
    private static String jdbcType(String informationSchemaType) {
        return "BASE TABLE".equals(informationSchemaType) ? "TABLE" : informationSchemaType;
    }

    /** A JDBC search pattern ({@code %}, {@code _}, {@code \} escapes) as a regular expression; null matches all. */
    static Pattern likePattern(String pattern) {
        if (pattern == null) {
            return Pattern.compile("(?s).*");
        }
        StringBuilder regex = new StringBuilder("(?s)");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
