package io.basalt.optimizer.catalog;

import io.basalt.optimizer.catalog.SystemTableRows.ColumnType;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Identity;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.IndexKey;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of information_schema's tables for one catalog version, with the SQL standard's (and PostgreSQL's) column
 * names and spellings; only the columns Basalt has something to say in are present.
 */
final class InformationSchemaTables {

    /** The one catalog (database) a Basalt data directory is. */
    static final String CATALOG = "basalt";

    private InformationSchemaTables() {
    }

    static SystemTableRows schemata(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("catalog_name", ColumnType.TEXT)
                .column("schema_name", ColumnType.TEXT);
        for (String schema : catalog.schemas()) {
            table.row(CATALOG, schema);
        }
        table.row(CATALOG, InformationSchema.NAME);
        return table;
    }

    static SystemTableRows tables(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("table_catalog", ColumnType.TEXT)
                .column("table_schema", ColumnType.TEXT).column("table_name", ColumnType.TEXT)
                .column("table_type", ColumnType.TEXT);
        for (TableEntry entry : catalog.tables().values()) {
            table.row(CATALOG, entry.definition().schema(), entry.definition().name(), "BASE TABLE");
        }
        for (ViewDefinition view : catalog.views()) {
            table.row(CATALOG, view.schema(), view.name(), "VIEW");
        }
        return table;
    }

    static SystemTableRows columns(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("table_catalog", ColumnType.TEXT)
                .column("table_schema", ColumnType.TEXT).column("table_name", ColumnType.TEXT)
                .column("column_name", ColumnType.TEXT).column("ordinal_position", ColumnType.INTEGER)
                .column("column_default", ColumnType.TEXT).column("is_nullable", ColumnType.TEXT)
                .column("data_type", ColumnType.TEXT).column("character_maximum_length", ColumnType.INTEGER)
                .column("numeric_precision", ColumnType.INTEGER).column("numeric_scale", ColumnType.INTEGER)
                .column("is_identity", ColumnType.TEXT).column("identity_generation", ColumnType.TEXT)
                .column("identity_start", ColumnType.TEXT).column("identity_increment", ColumnType.TEXT);
        for (TableEntry entry : catalog.tables().values()) {
            addColumns(table, entry.definition().schema(), entry.definition().name(), entry.definition().columns());
        }
        for (ViewDefinition view : catalog.views()) {
            addColumns(table, view.schema(), view.name(), view.columns());
        }
        return table;
    }

    /**
     * Basalt's {@code basalt_columns}: every column of every table and view as DESCRIBE shows it, with Basalt's type
     * spelling ({@code VARCHAR(40)}, {@code DECIMAL(3,1)}), {@code null} YES/NO, {@code key} (PRI, UNI, FOR, joined by
     * commas when several) and {@code default}.
     */
    static SystemTableRows basaltColumns(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("table_schema", ColumnType.TEXT)
                .column("table_name", ColumnType.TEXT).column("ordinal_position", ColumnType.INTEGER)
                .column("column_name", ColumnType.TEXT).column("column_type", ColumnType.TEXT)
                .column("null", ColumnType.TEXT).column("key", ColumnType.TEXT).column("default", ColumnType.TEXT);
        for (TableEntry entry : catalog.tables().values()) {
            TableDefinition definition = entry.definition();
            for (int i = 0; i < definition.columns().size(); i++) {
                ColumnDefinition column = definition.columns().get(i);
                table.row(definition.schema(), definition.name(), i + 1, column.name(), column.type().toString(),
                        yesOrNo(column.nullable()), keyOf(definition, column.name()),
                        column.defaultExpression().orElse(null));
            }
        }
        for (ViewDefinition view : catalog.views()) {
            for (int i = 0; i < view.columns().size(); i++) {
                ColumnDefinition column = view.columns().get(i);
                table.row(view.schema(), view.name(), i + 1, column.name(), column.type().toString(),
                        yesOrNo(column.nullable()), null, null);
            }
        }
        return table;
    }

    private static String keyOf(TableDefinition table, String column) {
        List<String> keys = new ArrayList<>();
        for (Constraint constraint : table.constraints()) {
            if (constraint.columns().contains(column)) {
                keys.add(constraint instanceof Constraint.PrimaryKey ? "PRI"
                        : constraint instanceof Constraint.Unique ? "UNI" : "FOR");
            }
        }
        return keys.isEmpty() ? null : String.join(",", keys);
    }

    static SystemTableRows views(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("table_catalog", ColumnType.TEXT)
                .column("table_schema", ColumnType.TEXT).column("table_name", ColumnType.TEXT)
                .column("view_definition", ColumnType.TEXT);
        for (ViewDefinition view : catalog.views()) {
            table.row(CATALOG, view.schema(), view.name(), view.query());
        }
        return table;
    }

    static SystemTableRows tableConstraints(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("constraint_catalog", ColumnType.TEXT)
                .column("constraint_schema", ColumnType.TEXT).column("constraint_name", ColumnType.TEXT)
                .column("table_catalog", ColumnType.TEXT).column("table_schema", ColumnType.TEXT)
                .column("table_name", ColumnType.TEXT).column("constraint_type", ColumnType.TEXT);
        for (TableEntry entry : catalog.tables().values()) {
            TableDefinition definition = entry.definition();
            for (Constraint constraint : definition.constraints()) {
                table.row(CATALOG, definition.schema(), constraint.name(), CATALOG, definition.schema(), definition.name(),
                        constraintType(constraint));
            }
        }
        return table;
    }

    static SystemTableRows keyColumnUsage(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("constraint_catalog", ColumnType.TEXT)
                .column("constraint_schema", ColumnType.TEXT).column("constraint_name", ColumnType.TEXT)
                .column("table_catalog", ColumnType.TEXT).column("table_schema", ColumnType.TEXT)
                .column("table_name", ColumnType.TEXT).column("column_name", ColumnType.TEXT)
                .column("ordinal_position", ColumnType.INTEGER)
                .column("position_in_unique_constraint", ColumnType.INTEGER);
        for (TableEntry entry : catalog.tables().values()) {
            TableDefinition definition = entry.definition();
            for (Constraint constraint : definition.constraints()) {
                Optional<Constraint> referencedKey = referencedKey(catalog, constraint);
                for (int i = 0; i < constraint.columns().size(); i++) {
                    Integer positionInKey = null;
                    if (constraint instanceof Constraint.ForeignKey foreignKey) {
                        String referencedColumn = foreignKey.referencedColumns().get(i);
                        positionInKey = referencedKey.map(key -> key.columns().indexOf(referencedColumn) + 1).orElse(null);
                    }
                    table.row(CATALOG, definition.schema(), constraint.name(), CATALOG, definition.schema(),
                            definition.name(), constraint.columns().get(i), i + 1, positionInKey);
                }
            }
        }
        return table;
    }

    /**
     * Basalt's indexes (CREATE INDEX), one row per stored column: the key columns in key order with their direction,
     * then the INCLUDE columns ({@code is_key_column = 'NO'}, no ordering). PRIMARY KEY and UNIQUE constraints are not
     * listed: they are enforced without an index of their own.
     */
    static SystemTableRows basaltIndexes(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("index_schema", ColumnType.TEXT)
                .column("index_name", ColumnType.TEXT).column("table_schema", ColumnType.TEXT)
                .column("table_name", ColumnType.TEXT).column("is_unique", ColumnType.TEXT)
                .column("column_name", ColumnType.TEXT).column("ordinal_position", ColumnType.INTEGER)
                .column("is_key_column", ColumnType.TEXT).column("ordering", ColumnType.TEXT);
        for (TableEntry entry : catalog.tables().values()) {
            TableDefinition definition = entry.definition();
            for (IndexDefinition index : definition.indexes()) {
                int position = 1;
                for (IndexKey key : index.keys()) {
                    table.row(definition.schema(), index.name(), definition.schema(), definition.name(),
                            yesOrNo(index.unique()), key.column(), position++, "YES", key.descending() ? "DESC" : "ASC");
                }
                for (String column : index.included()) {
                    table.row(definition.schema(), index.name(), definition.schema(), definition.name(),
                            yesOrNo(index.unique()), column, position++, "NO", null);
                }
            }
        }
        return table;
    }

    /** information_schema's spelling of a boolean. */
    private static String yesOrNo(boolean value) {
        return value ? "YES" : "NO";
    }

    static SystemTableRows referentialConstraints(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("constraint_catalog", ColumnType.TEXT)
                .column("constraint_schema", ColumnType.TEXT).column("constraint_name", ColumnType.TEXT)
                .column("unique_constraint_catalog", ColumnType.TEXT).column("unique_constraint_schema", ColumnType.TEXT)
                .column("unique_constraint_name", ColumnType.TEXT).column("match_option", ColumnType.TEXT)
                .column("update_rule", ColumnType.TEXT).column("delete_rule", ColumnType.TEXT);
        for (TableEntry entry : catalog.tables().values()) {
            for (Constraint constraint : entry.definition().constraints()) {
                if (constraint instanceof Constraint.ForeignKey foreignKey) {
                    String keyName = referencedKey(catalog, constraint).map(Constraint::name).orElse(null);
                    table.row(CATALOG, entry.definition().schema(), constraint.name(), CATALOG,
                            foreignKey.referencedSchema(), keyName, "NONE", "NO ACTION", "NO ACTION");
                }
            }
        }
        return table;
    }

    /** The primary key or unique constraint a foreign key's referenced columns form. */
    private static Optional<Constraint> referencedKey(Manifest catalog, Constraint constraint) {
        if (!(constraint instanceof Constraint.ForeignKey foreignKey)) {
            return Optional.empty();
        }
        return catalog.table(foreignKey.referencedSchema(), foreignKey.referencedTable()).flatMap(referenced ->
                referenced.definition().constraints().stream()
                        .filter(key -> !(key instanceof Constraint.ForeignKey))
                        .filter(key -> key.columns().size() == foreignKey.referencedColumns().size()
                                && key.columns().containsAll(foreignKey.referencedColumns()))
                        .findFirst());
    }

    private static String constraintType(Constraint constraint) {
        return constraint instanceof Constraint.PrimaryKey ? "PRIMARY KEY"
                : constraint instanceof Constraint.Unique ? "UNIQUE" : "FOREIGN KEY";
    }

    private static void addColumns(SystemTableRows table, String schema, String name, List<ColumnDefinition> columns) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDefinition column = columns.get(i);
            LogicalType type = column.type();
            // PostgreSQL spells identity details as text (character_data), and SERIAL as an identity too here.
            Identity identity = column.identity().orElse(null);
            table.row(CATALOG, schema, name, column.name(), i + 1, column.defaultExpression().orElse(null),
                    yesOrNo(column.nullable()), dataType(type), characterLength(type), numericPrecision(type),
                    numericScale(type), yesOrNo(identity != null),
                    identity == null ? null : identity.always() ? "ALWAYS" : "BY DEFAULT",
                    identity == null ? null : Long.toString(identity.start()),
                    identity == null ? null : Long.toString(identity.increment()));
        }
    }

    /** The type as PostgreSQL's information_schema spells it. */
    private static String dataType(LogicalType type) {
        return switch (type.kind()) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL -> "numeric";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case VARCHAR -> type.isBoundedLength() ? "character varying" : "text";
            case CHAR -> "character";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case TIMESTAMP -> "timestamp without time zone";
        };
    }

    private static Integer characterLength(LogicalType type) {
        boolean text = type.kind() == io.basalt.storage.type.TypeKind.VARCHAR
                || type.kind() == io.basalt.storage.type.TypeKind.CHAR;
        return text && type.isBoundedLength() ? type.length() : null;
    }

    /** Binary precision for integers and floats, decimal for DECIMAL, as PostgreSQL reports them. */
    private static Integer numericPrecision(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT -> 8;
            case SMALLINT -> 16;
            case INTEGER -> 32;
            case BIGINT -> 64;
            case REAL -> 24;
            case DOUBLE -> 53;
            case DECIMAL -> type.precision();
            default -> null;
        };
    }

    private static Integer numericScale(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> 0;
            case DECIMAL -> type.scale();
            default -> null;
        };
    }
}
