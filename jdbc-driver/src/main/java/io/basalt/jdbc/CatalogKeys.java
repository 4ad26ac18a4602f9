package io.basalt.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code DatabaseMetaData}'s key methods (getPrimaryKeys, getImportedKeys, getExportedKeys, getCrossReference,
 * getIndexInfo, getBestRowIdentifier), answered from {@code information_schema.table_constraints},
 * {@code key_column_usage} and {@code referential_constraints}. Schema and table arguments here are names, not
 * patterns (as JDBC says); null means any, and the empty string (no schema) matches nothing, since every Basalt
 * table has a schema.
 */
final class CatalogKeys {

    private static final String KEY_COLUMNS = "SELECT k.table_schema, k.table_name, k.column_name, k.ordinal_position, "
            + "k.constraint_name, c.constraint_type FROM information_schema.table_constraints c "
            + "JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema "
            + "AND k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name";

    /**
     * Each foreign key column with the referenced key's column at the same position. The SQL standard makes
     * constraint names unique within a schema, which is what joins {@code referential_constraints} to both sides;
     * Basalt only makes them unique within a table, so {@link #foreignKeyRows} refuses an answer the names leave
     * ambiguous instead of guessing.
     */
    private static final String FOREIGN_KEY_COLUMNS = "SELECT p.table_schema, p.table_name, p.column_name, "
            + "f.table_schema, f.table_name, f.column_name, f.ordinal_position, f.constraint_name, p.constraint_name, "
            + "r.update_rule, r.delete_rule FROM information_schema.referential_constraints r "
            + "JOIN information_schema.key_column_usage f ON f.constraint_schema = r.constraint_schema "
            + "AND f.constraint_name = r.constraint_name "
            + "JOIN information_schema.key_column_usage p ON p.constraint_schema = r.unique_constraint_schema "
            + "AND p.constraint_name = r.unique_constraint_name AND p.ordinal_position = f.position_in_unique_constraint "
            + "JOIN information_schema.table_constraints c ON c.constraint_schema = p.constraint_schema "
            + "AND c.constraint_name = p.constraint_name AND c.table_schema = p.table_schema "
            + "AND c.table_name = p.table_name AND c.constraint_type IN ('PRIMARY KEY', 'UNIQUE')";

    private CatalogKeys() {
    }

    static ResultSet primaryKeys(Connection connection, String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (matchesNoCatalog(catalog) && matchesSomeSchema(schema)) {
            keyColumns(schema, table, "PRIMARY KEY").forEachRow(connection, row -> rows.add(new Object[] {
                null, row.getString(1), row.getString(2), row.getString(3), (short) row.getInt(4), row.getString(5)}));
        }
        // JDBC orders by COLUMN_NAME; tools read KEY_SEQ for the key's order.
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[1]).thenComparing(row -> (String) row[2])
                .thenComparing(row -> (String) row[3]));
        return MetadataResultShapes.rows(MetadataResultShapes.PRIMARY_KEYS, rows);
    }

    /** Each key column of an index made by CREATE INDEX (INCLUDE columns are not keys, so not listed). */
    private static final String INDEX_COLUMNS = "SELECT table_schema, table_name, column_name, ordinal_position, "
            + "index_name, is_unique, ordering FROM information_schema.basalt_indexes";

    /**
     * The indexes of CREATE INDEX, and primary keys and unique constraints as unique indexes (Basalt enforces them
     * without an index of their own, but they are what a tool looks for: row identity, "unique" in a table's
     * description). With {@code unique}, only unique ones.
     */
    static ResultSet indexInfo(Connection connection, String catalog, String schema, String table, boolean unique)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (matchesNoCatalog(catalog) && matchesSomeSchema(schema)) {
            keyColumns(schema, table, null).where("c.constraint_type IN ('PRIMARY KEY', 'UNIQUE')")
                    .forEachRow(connection, row -> rows.add(new Object[] {
                        null, row.getString(1), row.getString(2), false, null, row.getString(5),
                        (short) DatabaseMetaData.tableIndexOther, (short) row.getInt(4), row.getString(3), null, null, null,
                        null}));
            CatalogQuery indexes = new CatalogQuery(INDEX_COLUMNS).where("is_key_column = 'YES'")
                    .equal("table_schema", schema).equal("table_name", table);
            if (unique) {
                indexes.where("is_unique = 'YES'");
            }
            indexes.forEachRow(connection, row -> rows.add(new Object[] {
                null, row.getString(1), row.getString(2), "NO".equals(row.getString(6)), null, row.getString(5),
                (short) DatabaseMetaData.tableIndexOther, (short) row.getInt(4), row.getString(3),
                "DESC".equals(row.getString(7)) ? "D" : "A", null, null, null}));
        }
        // JDBC orders by NON_UNIQUE, TYPE, INDEX_NAME and ORDINAL_POSITION (all of one type here).
        rows.sort(Comparator.comparing((Object[] row) -> (Boolean) row[3]).thenComparing(row -> (String) row[5])
                .thenComparing(row -> (Short) row[7]));
        return MetadataResultShapes.rows(MetadataResultShapes.INDEX_INFO, rows);
    }

    /**
     * The primary key's columns: the one set of columns that identifies a row for as long as the session lasts.
     * Without a primary key there is no best row identifier (Basalt has no row ids a client could use).
     */
    static ResultSet bestRowIdentifier(Connection connection, String catalog, String schema, String table)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (matchesNoCatalog(catalog) && matchesSomeSchema(schema)) {
            Set<String> keyColumns = new HashSet<>();
            keyColumns(schema, table, "PRIMARY KEY").forEachRow(connection,
                    row -> keyColumns.add(qualified(row.getString(1), row.getString(2), row.getString(3))));
            if (!keyColumns.isEmpty()) {
                try (ResultSet columns = CatalogColumns.columns(connection, null, patternFor(schema), patternFor(table), null)) {
                    while (columns.next()) {
                        String name = qualified(columns.getString("TABLE_SCHEM"), columns.getString("TABLE_NAME"),
                                columns.getString("COLUMN_NAME"));
                        if (keyColumns.contains(name)) {
                            rows.add(new Object[] {(short) DatabaseMetaData.bestRowSession, columns.getString("COLUMN_NAME"),
                                columns.getInt("DATA_TYPE"), columns.getString("TYPE_NAME"), columns.getObject("COLUMN_SIZE"),
                                null, decimalDigits(columns), (short) DatabaseMetaData.bestRowNotPseudo});
                        }
                    }
                }
            }
        }
        return MetadataResultShapes.rows(MetadataResultShapes.ROW_IDENTIFIER, rows);
    }

    /**
     * Foreign keys matching the given sides (null: any); JDBC's three foreign key methods differ only in which side
     * they name and how they order the rows.
     */
    static ResultSet foreignKeys(Connection connection, String parentCatalog, String parentSchema, String parentTable,
                                 String foreignCatalog, String foreignSchema, String foreignTable, boolean orderByParent)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (matchesNoCatalog(parentCatalog) && matchesNoCatalog(foreignCatalog) && matchesSomeSchema(parentSchema)
                && matchesSomeSchema(foreignSchema)) {
            for (Object[] row : foreignKeyRows(connection)) {
                if (matches(parentSchema, row[1]) && matches(parentTable, row[2]) && matches(foreignSchema, row[5])
                        && matches(foreignTable, row[6])) {
                    rows.add(row);
                }
            }
        }
        int first = orderByParent ? 1 : 5;
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[first]).thenComparing(row -> (String) row[first + 1])
                .thenComparing(row -> (String) row[11]).thenComparing(row -> (Short) row[8]));
        return MetadataResultShapes.rows(MetadataResultShapes.FOREIGN_KEYS, rows);
    }

    /**
     * Every foreign key column of the catalog as a JDBC row. The rows are not filtered in SQL: a name shared by
     * constraints of two tables would let a filtered query return a wrong pairing silently, while the whole list
     * shows the ambiguity (one foreign key column paired twice), which is refused.
     */
    private static List<Object[]> foreignKeyRows(Connection connection) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SQLException[] ambiguity = new SQLException[1];
        new CatalogQuery(FOREIGN_KEY_COLUMNS).forEachRow(connection, row -> {
            String foreignColumn = qualified(row.getString(4), row.getString(5), row.getString(8)) + "#" + row.getInt(7);
            if (!seen.add(foreignColumn) && ambiguity[0] == null) {
                ambiguity[0] = new SQLException("not supported yet: the foreign key " + row.getString(8) + " of "
                        + row.getString(4) + "." + row.getString(5) + " cannot be told apart from another constraint "
                        + "of the same name in its schema; give the constraints distinct names", "0A000");
            }
            rows.add(new Object[] {
                null, row.getString(1), row.getString(2), row.getString(3), null, row.getString(4), row.getString(5),
                row.getString(6), (short) row.getInt(7), rule(row.getString(10)), rule(row.getString(11)),
                row.getString(8), row.getString(9), (short) DatabaseMetaData.importedKeyNotDeferrable});
        });
        if (ambiguity[0] != null) {
            throw ambiguity[0];
        }
        return rows;
    }

    /** information_schema's referential action as JDBC's constant. */
    private static short rule(String action) throws SQLException {
        switch (action) {
            case "NO ACTION":
                return (short) DatabaseMetaData.importedKeyNoAction;
            case "RESTRICT":
                return (short) DatabaseMetaData.importedKeyRestrict;
            case "CASCADE":
                return (short) DatabaseMetaData.importedKeyCascade;
            case "SET NULL":
                return (short) DatabaseMetaData.importedKeySetNull;
            case "SET DEFAULT":
                return (short) DatabaseMetaData.importedKeySetDefault;
            default:
                throw new SQLException("information_schema names a referential action the driver does not know: " + action,
                        "XX000");
        }
    }

    private static CatalogQuery keyColumns(String schema, String table, String constraintType) {
        return new CatalogQuery(KEY_COLUMNS).equal("c.table_schema", schema).equal("c.table_name", table)
                .equal("c.constraint_type", constraintType);
    }

    private static Object decimalDigits(ResultSet column) throws SQLException {
        Object digits = column.getObject("DECIMAL_DIGITS");
        return digits == null ? null : Short.valueOf(((Number) digits).shortValue());
    }

    /** A name as a JDBC pattern that matches only it. */
    private static String patternFor(String name) {
        return name == null ? null : name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String qualified(String schema, String table, String column) {
        return schema + '\u0000' + table + '\u0000' + column;
    }

    private static boolean matches(String wanted, Object actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }

    /** Basalt has no catalogs: only "no catalog" (empty) or "any" (null) matches. */
    static boolean matchesNoCatalog(String catalog) {
        return catalog == null || catalog.isEmpty();
    }

    private static boolean matchesSomeSchema(String schema) {
        return schema == null || !schema.isEmpty();
    }
}
