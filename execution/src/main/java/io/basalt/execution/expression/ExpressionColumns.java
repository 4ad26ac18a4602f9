package io.basalt.execution.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The input columns an expression reads, and the same expression rewritten to read them from a dense batch
 * holding only those columns: what lazy evaluation ({@link SubsetEvaluator}) copies for the rows that reach
 * a CASE branch.
 */
final class ExpressionColumns {

    private ExpressionColumns() {
    }

    /** The column indexes the expression reads, ascending. */
    static int[] used(Expression expression) {
        TreeSet<Integer> columns = new TreeSet<>();
        collect(expression, columns);
        return columns.stream().mapToInt(Integer::intValue).toArray();
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

    /** The expression reading column {@code used[k]} as column {@code k}. */
    static Expression remap(Expression expression, int[] used) {
        if (expression instanceof ColumnReference reference) {
            int dense = java.util.Arrays.binarySearch(used, reference.index());
            return new ColumnReference(dense, reference.type());
        }
        if (expression instanceof Call call) {
            List<Expression> arguments = new ArrayList<>(call.arguments().size());
            for (Expression argument : call.arguments()) {
                arguments.add(remap(argument, used));
            }
            return new Call(call.function(), arguments, call.type());
        }
        return expression;
    }
}
