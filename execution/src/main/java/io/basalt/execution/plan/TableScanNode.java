package io.basalt.execution.plan;

import io.basalt.execution.expression.Expression;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a table's live rows from the snapshot the query runs on.
 *
 * @param columns indexes into the table's columns, in output order (only what the query needs); {@link #ROW_ID}
 *                stands for the row's identity, a BIGINT saying where it is stored (DML plans read it to know
 *                which rows to delete or replace; see {@code io.basalt.execution.scan.RowIdentity})
 * @param filter  a predicate over the scan's output columns, pushed into the scan: the scan skips
 *                segments and blocks whose zone maps rule it out and applies it to the rest
 * @param index   an index the scan may read instead (see {@link #usableIndex})
 */
public record TableScanNode(String schema, String table, long tableId, int[] columns, List<Column> output,
                            Optional<Expression> filter, double estimatedRows, Optional<IndexChoice> index)
        implements PhysicalNode {

    /** The column index that reads each row's identity (segment id and row offset) instead of a stored column. */
    public static final int ROW_ID = -1;

    public TableScanNode {
        output = List.copyOf(output);
        columns = columns.clone();
        Objects.requireNonNull(index, "index");
    }

    /** A scan of the table alone. */
    public TableScanNode(String schema, String table, long tableId, int[] columns, List<Column> output,
                         Optional<Expression> filter, double estimatedRows) {
        this(schema, table, tableId, columns, output, filter, estimatedRows, Optional.empty());
    }

    /** The index this scan reads when its data is fresh: the chosen one, if it covers the columns read. */
    public Optional<IndexChoice> usableIndex() {
        return index.filter(choice -> choice.covers(columns));
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of();
    }
}
