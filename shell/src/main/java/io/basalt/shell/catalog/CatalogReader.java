package io.basalt.shell.catalog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a database holds through JDBC, as any client would.
 *
 * <p>Schemas, tables and columns come from {@link DatabaseMetaData} when the driver answers there, and
 * otherwise from {@code SHOW SCHEMAS}, {@code SHOW TABLES FROM} and {@code DESCRIBE}. Every Basalt database has
 * at least the schema {@code main}, so an empty {@code getSchemas()} means "not answered" (a driver that does not
 * browse catalogs) and the shell falls back to SQL. Views, materialized views, indexes and foreign-key targets have
 * no SQL statement, so only {@code DatabaseMetaData} can report them, and its empty answer is shown as "none".
 */
public final class CatalogReader {

    private final Connection connection;
    private Boolean driverAnswers;

    public CatalogReader(Connection connection) {
        this.connection = connection;
    }

    public List<String> schemas() throws SQLException {
        List<String> schemas = new ArrayList<>();
        if (driverAnswers()) {
            try (ResultSet result = connection.getMetaData().getSchemas()) {
                while (result.next()) {
                    schemas.add(result.getString("TABLE_SCHEM"));
                }
            }
            return schemas;
        }
        return firstColumn("SHOW SCHEMAS");
    }

    public List<RelationName> tables(String schema) throws SQLException {
        if (driverAnswers()) {
            return relations(schema, new String[] {"TABLE"});
        }
        List<RelationName> tables = new ArrayList<>();
        for (String name : firstColumn("SHOW TABLES FROM " + SqlNames.quoted(schema))) {
            tables.add(new RelationName(schema, name));
        }
        return tables;
    }

    public List<ColumnInfo> columns(RelationName table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        if (driverAnswers()) {
            try (ResultSet result = connection.getMetaData().getColumns(null, table.schema(), table.name(), "%")) {
                while (result.next()) {
                    columns.add(new ColumnInfo(result.getString("COLUMN_NAME"), result.getString("TYPE_NAME")));
                }
            }
            return columns;
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("DESCRIBE " + table.quotedName())) {
            while (result.next()) {
                columns.add(new ColumnInfo(result.getString(1), result.getString(2)));
            }
        }
        return columns;
    }

    /** Relations of one JDBC table type ({@code VIEW}, {@code MATERIALIZED VIEW}) in every schema. */
    public List<RelationName> relationsOfType(String type) throws SQLException {
        return relations(null, new String[] {type});
    }

    public List<IndexDescription> indexes(RelationName table) throws SQLException {
        Map<String, IndexDescription> indexes = new LinkedHashMap<>();
        try (ResultSet result = connection.getMetaData().getIndexInfo(null, table.schema(), table.name(), false, true)) {
            while (result.next()) {
                String name = result.getString("INDEX_NAME");
                if (result.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || name == null) {
                    continue;
                }
                IndexDescription known = indexes.get(name);
                List<String> columns = new ArrayList<>(known == null ? List.of() : known.columns());
                columns.add(result.getString("COLUMN_NAME"));
                indexes.put(name, new IndexDescription(table, name, columns, !result.getBoolean("NON_UNIQUE")));
            }
        }
        return new ArrayList<>(indexes.values());
    }

    public List<ForeignKeyDescription> foreignKeys(RelationName table) throws SQLException {
        Map<String, ForeignKeyDescription> keys = new LinkedHashMap<>();
        try (ResultSet result = connection.getMetaData().getImportedKeys(null, table.schema(), table.name())) {
            while (result.next()) {
                RelationName referenced = new RelationName(result.getString("PKTABLE_SCHEM"), result.getString("PKTABLE_NAME"));
                String name = result.getString("FK_NAME");
                String key = name != null ? name : referenced.quotedName();
                ForeignKeyDescription known = keys.get(key);
                List<String> columns = new ArrayList<>(known == null ? List.of() : known.columns());
                List<String> referencedColumns = new ArrayList<>(known == null ? List.of() : known.referencedColumns());
                columns.add(result.getString("FKCOLUMN_NAME"));
                referencedColumns.add(result.getString("PKCOLUMN_NAME"));
                keys.put(key, new ForeignKeyDescription(columns, referenced, referencedColumns));
            }
        }
        return new ArrayList<>(keys.values());
    }

    private List<RelationName> relations(String schema, String[] types) throws SQLException {
        List<RelationName> relations = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getTables(null, schema, "%", types)) {
            while (result.next()) {
                relations.add(new RelationName(result.getString("TABLE_SCHEM"), result.getString("TABLE_NAME")));
            }
        }
        return relations;
    }

    private boolean driverAnswers() throws SQLException {
        if (driverAnswers == null) {
            try (ResultSet result = connection.getMetaData().getSchemas()) {
                driverAnswers = result.next();
            }
        }
        return driverAnswers;
    }

    private List<String> firstColumn(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
