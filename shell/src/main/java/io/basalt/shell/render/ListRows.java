package io.basalt.shell.render;

import java.util.Iterator;
import java.util.List;

/** Rows held in memory. */
public final class ListRows implements RowSource {

    private final List<ResultColumn> columns;
    private final Iterator<String[]> rows;

    public ListRows(List<ResultColumn> columns, List<String[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows).iterator();
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public String[] next() {
        return rows.hasNext() ? rows.next() : null;
    }
}
