package io.basalt.jdbc.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A run of result rows in columnar form: {@link #rowCount()} rows and one {@link BatchColumn} per result
 * column, in the cursor's column order. Rows are positions {@code 0 .. rowCount-1} of every column; there
 * is no selection vector (a session compacts filtered rows before handing a batch over). The column classes
 * and value encodings are fixed per SQL type by {@link BasaltType}; the wire protocol encodes exactly this
 * structure (null masks, primitive arrays, the UTF-8 arena), so embedded and network results share it.
 */
public final class ResultBatch {

    private final int rowCount;
    private final List<BatchColumn> columns;

    public ResultBatch(int rowCount, List<BatchColumn> columns) {
        if (rowCount < 0) {
            throw new IllegalArgumentException("row count must not be negative: " + rowCount);
        }
        this.rowCount = rowCount;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        for (int i = 0; i < this.columns.size(); i++) {
            BatchColumn column = this.columns.get(i);
            if (column == null) {
                throw new IllegalArgumentException("column " + (i + 1) + " is missing");
            }
            if (column.capacity() < rowCount) {
                throw new IllegalArgumentException("column " + (i + 1) + " (" + column.representation() + ") holds "
                        + column.capacity() + " rows, the batch has " + rowCount);
            }
        }
    }

    public ResultBatch(int rowCount, BatchColumn... columns) {
        this(rowCount, java.util.Arrays.asList(columns));
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    /** Column {@code index}, counted from 0. */
    public BatchColumn column(int index) {
        return columns.get(index);
    }

    public List<BatchColumn> columns() {
        return columns;
    }
}
