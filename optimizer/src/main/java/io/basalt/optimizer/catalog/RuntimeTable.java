package io.basalt.optimizer.catalog;

import java.util.List;
import java.util.Objects;
import io.basalt.storage.commit.Manifest;

import java.util.function.Function;

/**
 * A system table of {@code information_schema} whose rows are not in the manifest but known to whoever plans the
 * query (a session's settings, the queries a database ran, the encodings in segment footers). Its rows are computed
 * when a query names it, each time it is planned, never cached with the catalog.
 *
 * @param columns the column names and types, in order
 * @param rows    the rows for the catalog version being planned: per column a String for TEXT, an Integer or Long for INTEGER and BIGINT, or null
 */
public record RuntimeTable(String name, List<Column> columns, Function<Manifest, List<List<Object>>> rows) {

    /** A column of a runtime table. */
    public record Column(String name, SystemTableRows.ColumnType type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public RuntimeTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(rows, "rows");
    }

    public static Column text(String name) {
        return new Column(name, SystemTableRows.ColumnType.TEXT);
    }

    public static Column bigint(String name) {
        return new Column(name, SystemTableRows.ColumnType.BIGINT);
    }

    SystemTableRows rows(Manifest catalog) {
        SystemTableRows table = new SystemTableRows();
        columns.forEach(column -> table.column(column.name(), column.type()));
        rows.apply(catalog).forEach(row -> table.row(row.toArray()));
        return table;
    }
}
