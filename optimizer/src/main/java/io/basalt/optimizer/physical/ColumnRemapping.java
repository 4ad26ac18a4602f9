package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Renumbers the column references of an expression, when the columns below it move. */
final class ColumnRemapping {

    private ColumnRemapping() {
    }

    static Expression remap(Expression expression, IntUnaryOperator newIndex) {
        if (expression instanceof ColumnReference reference) {
            return new ColumnReference(newIndex.applyAsInt(reference.index()), reference.type());
        }
        if (!(expression instanceof Call call)) {
            return expression; // literals and parameters read no column
        }
        List<Expression> arguments = new ArrayList<>(call.arguments().size());
        for (Expression argument : call.arguments()) {
            arguments.add(remap(argument, newIndex));
        }
        return new Call(call.function(), arguments, call.type());
    }

    /** The expression with each column reference replaced by the expression computing that column. */
    static Expression substitute(Expression expression, List<Expression> columns) {
        if (expression instanceof ColumnReference reference) {
            return columns.get(reference.index());
        }
        if (!(expression instanceof Call call)) {
            return expression; // literals and parameters read no column
        }
        List<Expression> arguments = new ArrayList<>(call.arguments().size());
        for (Expression argument : call.arguments()) {
            arguments.add(substitute(argument, columns));
        }
        return new Call(call.function(), arguments, call.type());
    }

    /** Adds the indexes of every column the expression reads to {@code columns}. */
    static void collectColumns(Expression expression, java.util.Set<Integer> columns) {
        if (expression instanceof ColumnReference reference) {
            columns.add(reference.index());
        } else if (expression instanceof Call call) {
            for (Expression argument : call.arguments()) {
                collectColumns(argument, columns);
            }
        }
    }
}
