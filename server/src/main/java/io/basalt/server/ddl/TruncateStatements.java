package io.basalt.server.ddl;

import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.TruncateStatement;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * TRUNCATE: every segment of the tables leaves the transaction's version at once, without reading a row (unlike
 * DELETE, which writes deletion vectors). Older versions keep the files until vacuum, so a rollback or a reader on
 * an older snapshot still sees the rows. Counts as a rewrite for conflicts, as DELETE does.
 */
public final class TruncateStatements {

    private TruncateStatements() {
    }

    public static StatementResult truncate(Transaction transaction, TruncateStatement statement, String currentSchema) {
        Manifest catalog = transaction.view();
        List<TableEntry> tables = new ArrayList<>();
        for (QualifiedName name : statement.names()) {
            String schema = name.schema().orElse(currentSchema);
            if (catalog.view(schema, name.name()).isPresent()) {
                throw new StatementException("42809", "\"" + name.name() + "\" is not a table");
            }
            tables.add(catalog.table(schema, name.name()).orElseThrow(
                    () -> new StatementException("42P01", "relation \"" + name.name() + "\" does not exist")));
        }
        for (TableEntry table : tables) {
            requireNotReferencedFromOutside(catalog, table, tables);
        }
        for (TableEntry table : tables) {
            transaction.truncate(table.tableId());
        }
        return new StatementResult.RowCount("TRUNCATE TABLE", 0);
    }

    /** As PostgreSQL: rows of other tables could reference the removed rows, unless those are truncated too. */
    private static void requireNotReferencedFromOutside(Manifest catalog, TableEntry table, List<TableEntry> truncated) {
        for (TableEntry other : catalog.tables().values()) {
            if (truncated.stream().anyMatch(t -> t.tableId() == other.tableId())) {
                continue;
            }
            for (Constraint constraint : other.definition().constraints()) {
                if (constraint instanceof Constraint.ForeignKey foreignKey
                        && foreignKey.referencedSchema().equals(table.definition().schema())
                        && foreignKey.referencedTable().equals(table.definition().name())) {
                    throw new StatementException("0A000", "cannot truncate a table referenced in a foreign key constraint"
                            + " (table " + other.definition().name() + " references " + table.definition().name()
                            + "; truncate it in the same statement)");
                }
            }
        }
    }
}
