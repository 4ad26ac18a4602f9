package io.basalt.execution.plan;

import io.basalt.execution.expression.Expression;

import java.util.List;
import java.util.Optional;

/**
 * Reads a table's live rows from the snapshot the query runs on.
 *
 * @param columns indexes into the table's columns, in output order (only what the query needs); {@link #ROW_ID}
 *                stands for the row's identity, a BIGINT saying where it is stored (DML plans read it to know
 *                which rows to delete or replace; see {@code io.basalt.execution.scan.RowIdentity})
 * @param filter  a predicate over the scan's output columns, pushed into the scan: the scan skips
 *                segments and blocks whose zone maps rule it out and applies it to the rest
 */
public record TableScanNode(String schema, String table, long tableId, int[] columns, List<Column> output,
                            Optional<Expression> filter, double estimatedRows) implements PhysicalNode {

    /** The column index that reads each row's identity (segment id and row offset) instead of a stored column. */
    public static final int ROW_ID = -1;

    public TableScanNode {
        output = List.copyOf(output);
        columns = columns.clone();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of();
    }
}
