package io.basalt.optimizer.sql;

import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names an error message may suggest instead of a misspelt one: every table of the catalog (unqualified in
 * the default schema), and the columns and aliases of the tables a query mentions. Collected only when an error
 * needs them, from the parsed query.
 */
final class QueryNames {

    private final Set<String> tables = new LinkedHashSet<>();
    private final Set<String> columns = new LinkedHashSet<>();

    private QueryNames() {
    }

    static QueryNames of(SqlNode query, Manifest catalog, String defaultSchema) {
        QueryNames names = new QueryNames();
        for (TableEntry table : catalog.tables().values()) {
            String schema = table.definition().schema();
            names.tables.add(schema.equals(defaultSchema) ? table.definition().name() : schema + "." + table.definition().name());
        }
        names.tables.addAll(catalog.schemas());
        List<SqlNode> pending = new ArrayList<>();
        pending.add(query);
        while (!pending.isEmpty()) {
            SqlNode node = pending.remove(pending.size() - 1);
            if (node instanceof SqlIdentifier identifier) {
                resolve(identifier, catalog, defaultSchema).ifPresent(table -> {
                    for (ColumnDefinition column : table.definition().columns()) {
                        names.columns.add(column.name());
                    }
                });
            } else if (node instanceof SqlNodeList list) {
                list.forEach(child -> {
                    if (child != null) {
                        pending.add(child);
                    }
                });
            } else if (node instanceof SqlCall call) {
                if (call.getKind() == SqlKind.AS) {
                    // The alias and, for "AS t (a, b)", the column aliases.
                    for (SqlNode alias : call.getOperandList().subList(1, call.operandCount())) {
                        if (alias instanceof SqlIdentifier identifier && identifier.isSimple()) {
                            names.columns.add(identifier.getSimple());
                        }
                    }
                    pending.add(call.operand(0));
                    continue;
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null) {
                        pending.add(operand);
                    }
                }
            }
        }
        return names;
    }

    private static Optional<TableEntry> resolve(SqlIdentifier identifier, Manifest catalog, String defaultSchema) {
        List<String> parts = identifier.names;
        if (parts.size() == 1) {
            return catalog.table(defaultSchema, parts.get(0));
        }
        if (parts.size() == 2) {
            return catalog.table(parts.get(0), parts.get(1));
        }
        return Optional.empty();
    }

    Set<String> tables() {
        return tables;
    }

    Set<String> columns() {
        return columns;
    }
}
