package io.basalt.execution.scan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Rewrites an expression to read from a narrower batch: the scan evaluates its filter on the filter's own
 * columns first and decodes the other columns only for batches where some row survives.
 */
final class ColumnRemapper {

    private ColumnRemapper() {
    }

    /** The input columns {@code expression} reads, ascending. */
    static int[] referencedColumns(Expression expression) {
        TreeSet<Integer> columns = new TreeSet<>();
        collect(expression, columns);
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code expression} with every reference to column {@code columns[i]} turned into one to column {@code i}. */
    static Expression remap(Expression expression, int[] columns) {
        if (expression instanceof ColumnReference reference) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] == reference.index()) {
                    return new ColumnReference(i, reference.type());
                }
            }
            throw new IllegalArgumentException("column " + reference.index() + " is not among the remapped columns");
        }
        if (expression instanceof Call call) {
            List<Expression> arguments = new ArrayList<>(call.arguments().size());
            for (Expression argument : call.arguments()) {
                arguments.add(remap(argument, columns));
            }
            return new Call(call.function(), arguments, call.type());
        }
        return expression;
    }

    private static void collect(Expression expression, TreeSet<Integer> columns) {
        if (expression instanceof ColumnReference reference) {
            columns.add(reference.index());
        } else if (expression instanceof Call call) {
            for (Expression argument : call.arguments()) {
                collect(argument, columns);
            }
        }
    }
}
