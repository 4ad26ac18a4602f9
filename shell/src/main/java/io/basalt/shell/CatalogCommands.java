package io.basalt.shell;

import io.basalt.server.Database;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The meta-commands that describe the database ({@code \dt}, {@code \d NAME}, {@code \dn}), answered from
 * the current catalog version. They move onto the system tables once SQL runs.
 */
final class CatalogCommands {

    private final Database database;
    private final PrintWriter out;

    CatalogCommands(Database database, PrintWriter out) {
        this.database = database;
        this.out = out;
    }

    void listSchemas() {
        TextTable table = new TextTable(List.of("schema", "tables"), false, true);
        Manifest manifest = database.storage().current();
        for (String schema : manifest.schemas()) {
            table.add(schema, manifest.tablesIn(schema).size());
        }
        table.print(out);
    }

    void listTables() {
        TextTable table = new TextTable(List.of("schema", "table", "columns", "rows", "segments", "bytes"),
                false, false, true, true, true, true);
        for (TableEntry entry : database.storage().current().tables().values()) {
            List<SegmentEntry> segments = entry.allSegments();
            table.add(entry.definition().schema(), entry.definition().name(), entry.definition().columns().size(),
                    entry.rowCount(), segments.size(), segments.stream().mapToLong(SegmentEntry::byteSize).sum());
        }
        table.print(out);
    }

    /** {@code \d name} or {@code \d schema.name}. */
    void describe(String name) {
        Optional<TableEntry> found = find(name);
        if (found.isEmpty()) {
            out.println("ERROR 42P01: table \"" + name + "\" does not exist (\\dt lists the tables)");
            return;
        }
        TableEntry entry = found.get();
        out.println("Table " + entry.definition().qualifiedName() + "  (compression " + entry.definition().options().compression()
                + ", " + entry.definition().options().targetSegmentRows() + " rows per segment)");
        TextTable columns = new TextTable(List.of("column", "type", "nullable", "default", "compression"));
        for (int i = 0; i < entry.definition().columns().size(); i++) {
            ColumnDefinition column = entry.definition().columns().get(i);
            columns.add(column.name(), column.type(), column.nullable() ? "yes" : "no", column.defaultExpression().orElse(""),
                    entry.definition().compressionOf(i));
        }
        columns.print(out);
        for (Constraint constraint : entry.definition().constraints()) {
            out.println("  " + describe(constraint));
        }
        for (PartitionEntry partition : entry.partitions()) {
            out.printf("  partition %s: %d segments, %d rows%n", partition.name().orElse("(default)"),
                    partition.segments().size(), partition.rowCount());
        }
    }

    private Optional<TableEntry> find(String name) {
        Manifest manifest = database.storage().current();
        int dot = name.indexOf('.');
        if (dot > 0) {
            return manifest.table(name.substring(0, dot), name.substring(dot + 1));
        }
        Optional<TableEntry> inDefault = manifest.table(Manifest.DEFAULT_SCHEMA, name);
        if (inDefault.isPresent()) {
            return inDefault;
        }
        return manifest.tables().values().stream().filter(t -> t.definition().name().equals(name)).findFirst();
    }

    private static String describe(Constraint constraint) {
        String columns = String.join(", ", constraint.columns());
        if (constraint instanceof Constraint.PrimaryKey) {
            return constraint.name() + ": PRIMARY KEY (" + columns + ")";
        }
        if (constraint instanceof Constraint.Unique) {
            return constraint.name() + ": UNIQUE (" + columns + ")";
        }
        Constraint.ForeignKey foreignKey = (Constraint.ForeignKey) constraint;
        return constraint.name() + ": FOREIGN KEY (" + columns + ") REFERENCES " + foreignKey.referencedSchema() + "."
                + foreignKey.referencedTable() + " (" + String.join(", ", foreignKey.referencedColumns()) + ")";
    }
}
