package io.basalt.execution.parameter;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.expression.Parameter;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One plan for a whole batch of parameter sets, where the plan's shape allows it. {@code VALUES (?, ?, ?)} is
 * planned as a projection of the parameters over one constant row; for N parameter sets that becomes the same
 * projection over a VALUES list of N rows whose columns are the parameters. A batch of N inserts then runs as one
 * vectorized query producing N rows (one per set, in order) instead of N queries of one row each.
 */
public final class ParameterRows {

    private ParameterRows() {
    }

    /**
     * The plan producing, in order, the rows of {@code plan} bound to each of {@code sets}; empty when the plan is
     * not a projection over one row that reads none of that row's columns.
     *
     * @param sets one list of literals per execution, each of the parameters' types (see {@link ParameterValues})
     */
    public static Optional<PhysicalNode> of(PhysicalNode plan, List<LogicalType> parameterTypes, List<List<Literal>> sets) {
        if (!(plan instanceof ProjectNode project) || !(project.input() instanceof ValuesNode values)
                || values.rows().size() != 1) {
            return Optional.empty();
        }
        List<Expression> expressions = new ArrayList<>(project.expressions().size());
        for (Expression expression : project.expressions()) {
            Optional<Expression> overRows = overParameterColumns(expression);
            if (overRows.isEmpty()) {
                return Optional.empty();
            }
            expressions.add(overRows.get());
        }
        List<Column> columns = new ArrayList<>(parameterTypes.size());
        for (int i = 0; i < parameterTypes.size(); i++) {
            columns.add(new Column(Parameter.nameOf(i), parameterTypes.get(i), true));
        }
        List<List<Object>> rows = new ArrayList<>(sets.size());
        for (List<Literal> set : sets) {
            if (set.size() != parameterTypes.size()) {
                throw new IllegalArgumentException(set.size() + " values for " + parameterTypes.size() + " parameters");
            }
            List<Object> row = new ArrayList<>(set.size());
            for (int i = 0; i < set.size(); i++) {
                if (!set.get(i).type().equals(parameterTypes.get(i))) {
                    throw new IllegalArgumentException("parameter " + Parameter.nameOf(i) + " is of type "
                            + parameterTypes.get(i) + ", a value of type " + set.get(i).type());
                }
                row.add(set.get(i).value());
            }
            rows.add(row);
        }
        return Optional.of(new ProjectNode(new ValuesNode(columns, rows), expressions, project.output(), sets.size()));
    }

    /** The expression reading parameter i from column i; empty if it reads a column of the one-row input. */
    private static Optional<Expression> overParameterColumns(Expression expression) {
        if (expression instanceof Parameter parameter) {
            return Optional.of(new ColumnReference(parameter.index(), parameter.type()));
        }
        if (expression instanceof ColumnReference) {
            return Optional.empty();
        }
        if (!(expression instanceof Call call)) {
            return Optional.of(expression);
        }
        List<Expression> arguments = new ArrayList<>(call.arguments().size());
        for (Expression argument : call.arguments()) {
            Optional<Expression> rewritten = overParameterColumns(argument);
            if (rewritten.isEmpty()) {
                return Optional.empty();
            }
            arguments.add(rewritten.get());
        }
        return Optional.of(new Call(call.function(), arguments, call.type()));
    }
}
