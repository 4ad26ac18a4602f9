package io.basalt.server.ddl;

import io.basalt.parser.ast.ColumnDefinition;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.ast.ForeignKeyConstraint;
import io.basalt.parser.ast.IdentityClause;
import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.ast.PrimaryKeyConstraint;
import io.basalt.parser.ast.TableConstraint;
import io.basalt.parser.ast.UniqueConstraint;
import io.basalt.server.StatementException;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.Identity;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.compress.Compression;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed {@code CREATE TABLE} into a storage table definition, checking what only the catalog can
 * check: referenced tables and keys exist and have matching types. Constraint names follow PostgreSQL's
 * defaults ({@code t_pkey}, {@code t_a_key}, {@code t_a_fkey}); a primary key implies NOT NULL.
 */
public final class TableDefinitionBuilder {

    private TableDefinitionBuilder() {
    }

    public static TableDefinition build(CreateTableStatement statement, String schema, Manifest catalog) {
        String table = statement.name().name();
        Set<String> primaryKeyColumns = new HashSet<>();
        for (TableConstraint constraint : statement.constraints()) {
            if (constraint instanceof PrimaryKeyConstraint primaryKey) {
                primaryKeyColumns.addAll(primaryKey.columns());
            }
        }
        List<io.basalt.storage.catalog.ColumnDefinition> columns = new ArrayList<>();
        for (ColumnDefinition column : statement.columns()) {
            columns.add(column(column, primaryKeyColumns.contains(column.name())));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (TableConstraint constraint : statement.constraints()) {
            constraints.add(toConstraint(table, schema, constraint, columns, catalog));
        }
        try {
            return new TableDefinition(schema, table, columns, constraints, options(statement.options()));
        } catch (IllegalArgumentException e) {
            throw new StatementException("42P16", "invalid table definition: " + e.getMessage());
        }
    }

    /** A column of CREATE TABLE or ALTER TABLE … ADD COLUMN; a primary key column is NOT NULL. */
    static io.basalt.storage.catalog.ColumnDefinition column(ColumnDefinition column, boolean inPrimaryKey) {
        LogicalType type = ColumnTypes.toLogicalType(column.type());
        boolean nullable = !column.notNull() && !inPrimaryKey;
        Optional<Identity> identity = column.identity().map(clause -> identity(column.name(), type, clause));
        return new io.basalt.storage.catalog.ColumnDefinition(column.name(), type, nullable,
                column.defaultExpression().map(fragment -> fragment.text()), Optional.empty(), identity);
    }

    private static Identity identity(String column, LogicalType type, IdentityClause clause) {
        switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> {
                return new Identity(clause.always(), clause.start(), clause.increment());
            }
            default -> throw new StatementException("22023", "identity column type must be smallint, integer, or bigint"
                    + " (column \"" + column + "\" is " + type + ")");
        }
    }

    static Constraint toConstraint(String table, String schema, TableConstraint constraint,
                                           List<io.basalt.storage.catalog.ColumnDefinition> columns, Manifest catalog) {
        if (constraint instanceof PrimaryKeyConstraint primaryKey) {
            return new Constraint.PrimaryKey(primaryKey.name().orElse(table + "_pkey"), primaryKey.columns());
        }
        if (constraint instanceof UniqueConstraint unique) {
            return new Constraint.Unique(unique.name().orElse(table + "_" + String.join("_", unique.columns()) + "_key"),
                    unique.columns());
        }
        ForeignKeyConstraint foreignKey = (ForeignKeyConstraint) constraint;
        String referencedSchema = foreignKey.referencedTable().schema().orElse(schema);
        String referencedName = foreignKey.referencedTable().name();
        boolean selfReference = referencedSchema.equals(schema) && referencedName.equals(table);
        List<String> referencedColumns = foreignKey.referencedColumns();
        List<LogicalType> referencedTypes = new ArrayList<>();
        if (!selfReference) {
            TableEntry referenced = catalog.table(referencedSchema, referencedName).orElseThrow(() -> new StatementException(
                    "42P01", "relation \"" + referencedSchema + "." + referencedName + "\" referenced by a foreign key does not exist"));
            if (referencedColumns.isEmpty()) {
                referencedColumns = referenced.definition().constraints().stream()
                        .filter(c -> c instanceof Constraint.PrimaryKey).findFirst().map(Constraint::columns)
                        .orElseThrow(() -> new StatementException("42830", "there is no primary key for referenced table \""
                                + referencedName + "\""));
            }
            requireKey(referenced, referencedColumns);
            for (String column : referencedColumns) {
                referencedTypes.add(referenced.definition().columns().get(referenced.definition().columnIndex(column).getAsInt()).type());
            }
        } else if (referencedColumns.isEmpty()) {
            throw StatementException.notSupported("a self-referencing foreign key without explicit columns");
        }
        if (referencedColumns.size() != foreignKey.columns().size()) {
            throw new StatementException("42830", "number of referencing and referenced columns for foreign key disagree");
        }
        for (int i = 0; i < referencedTypes.size(); i++) {
            String column = foreignKey.columns().get(i);
            LogicalType type = columns.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().type();
            if (!comparable(type, referencedTypes.get(i))) {
                throw new StatementException("42804", "foreign key column \"" + column + "\" of type " + type
                        + " cannot reference \"" + referencedColumns.get(i) + "\" of type " + referencedTypes.get(i));
            }
        }
        return new Constraint.ForeignKey(foreignKey.name().orElse(table + "_" + String.join("_", foreignKey.columns()) + "_fkey"),
                foreignKey.columns(), referencedSchema, referencedName, referencedColumns);
    }

    private static void requireKey(TableEntry referenced, List<String> columns) {
        for (String column : columns) {
            if (referenced.definition().columnIndex(column).isEmpty()) {
                throw new StatementException("42703", "column \"" + column + "\" referenced in foreign key constraint does not exist");
            }
        }
        boolean isKey = referenced.definition().constraints().stream()
                .anyMatch(c -> !(c instanceof Constraint.ForeignKey) && new HashSet<>(c.columns()).equals(new HashSet<>(columns)));
        if (!isKey) {
            throw new StatementException("42830", "there is no unique constraint matching given keys for referenced table \""
                    + referenced.definition().name() + "\"");
        }
    }

    private static boolean comparable(LogicalType a, LogicalType b) {
        return a.physicalKind() == b.physicalKind() || (isNumeric(a) && isNumeric(b));
    }

    private static boolean isNumeric(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
            default -> false;
        };
    }

    private static TableOptions options(Map<String, OptionValue> options) {
        TableOptions result = TableOptions.DEFAULT;
        for (Map.Entry<String, OptionValue> option : options.entrySet()) {
            String value = option.getValue().text();
            switch (option.getKey()) {
                case "compression" -> {
                    try {
                        result = result.withCompression(Compression.valueOf(value.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new StatementException("22023", "invalid compression \"" + value + "\" (use lz4, zstd or none)");
                    }
                }
                case "segment_rows" -> {
                    try {
                        result = result.withTargetSegmentRows(Integer.parseInt(value));
                    } catch (IllegalArgumentException e) {
                        throw new StatementException("22023", "segment_rows must be a positive integer, got " + value);
                    }
                }
                default -> throw new StatementException("22023", "unrecognized table option \"" + option.getKey()
                        + "\" (known: compression, segment_rows)");
            }
        }
        return result;
    }
}
