package io.basalt.execution.plan;

import io.basalt.execution.expression.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a table's live rows from the snapshot the query runs on.
 *
 * @param columns    indexes into the table's columns: the output columns in output order, then the filter-only ones
 *                   (only what the query needs); {@link #ROW_ID} stands for the row's identity, a BIGINT saying where
 *                   it is stored (DML plans read it to know which rows to delete or replace; see
 *                   {@code io.basalt.execution.scan.RowIdentity})
 * @param output     the columns the scan outputs: the first {@code output.size()} of {@code columns}
 * @param filter     a predicate over the columns read ({@link #readColumns}: the output columns, then the
 *                   filter-only ones), pushed into the scan: the scan skips segments and blocks whose zone maps rule
 *                   it out and applies it to the rest
 * @param index      an index the scan may read instead (see {@link #usableIndex})
 * @param filterOnly the columns after the output ones in {@code columns}: read to test the filter and not output, so
 *                   the scan never gathers them at the rows that pass (TPC-H Q1's {@code l_shipdate}, Q6's
 *                   {@code l_shipdate} and {@code l_quantity})
 */
public record TableScanNode(String schema, String table, long tableId, int[] columns, List<Column> output,
                            Optional<Expression> filter, double estimatedRows, Optional<IndexChoice> index,
                            List<Column> filterOnly)
        implements PhysicalNode {

    /** The column index that reads each row's identity (segment id and row offset) instead of a stored column. */
    public static final int ROW_ID = -1;

    public TableScanNode {
        output = List.copyOf(output);
        filterOnly = List.copyOf(filterOnly);
        columns = columns.clone();
        Objects.requireNonNull(index, "index");
        if (columns.length != output.size() + filterOnly.size()) {
            throw new IllegalArgumentException(columns.length + " columns read for " + output.size() + " output and "
                    + filterOnly.size() + " filter-only columns");
        }
        if (!filterOnly.isEmpty() && filter.isEmpty()) {
            throw new IllegalArgumentException("filter-only columns without a filter");
        }
    }

    /** A scan outputting every column it reads. */
    public TableScanNode(String schema, String table, long tableId, int[] columns, List<Column> output,
                         Optional<Expression> filter, double estimatedRows, Optional<IndexChoice> index) {
        this(schema, table, tableId, columns, output, filter, estimatedRows, index, List.of());
    }

    /** A scan of the table alone, outputting every column it reads. */
    public TableScanNode(String schema, String table, long tableId, int[] columns, List<Column> output,
                         Optional<Expression> filter, double estimatedRows) {
        this(schema, table, tableId, columns, output, filter, estimatedRows, Optional.empty());
    }

    /** The columns read, in the order of {@link #columns}: the output ones, then the filter-only ones. */
    public List<Column> readColumns() {
        if (filterOnly.isEmpty()) {
            return output;
        }
        List<Column> read = new ArrayList<>(output);
        read.addAll(filterOnly);
        return read;
    }

    /** This scan with another filter over the same columns (bound parameters, a condition pushed down). */
    public TableScanNode withFilter(Optional<Expression> newFilter, double newEstimatedRows) {
        return new TableScanNode(schema, table, tableId, columns, output, newFilter, newEstimatedRows, index, filterOnly);
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
