package io.basalt.execution.expression;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * {@code COALESCE(a, b, …)}: each argument is evaluated only for the rows all earlier arguments left NULL
 * (lazily, as PostgreSQL does), and each row takes the first non-NULL value.
 */
final class CoalesceEvaluator implements CompiledExpression {

    private final SubsetEvaluator[] arguments;
    private final PhysicalKind kind;

    private CoalesceEvaluator(SubsetEvaluator[] arguments, PhysicalKind kind) {
        this.arguments = arguments;
        this.kind = kind;
    }

    static CompiledExpression compile(Call call) {
        List<Expression> expressions = call.arguments();
        SubsetEvaluator[] arguments = new SubsetEvaluator[expressions.size()];
        for (int k = 0; k < arguments.length; k++) {
            arguments[k] = new SubsetEvaluator(CaseExpressionEvaluator.convert(expressions.get(k), call.type()));
        }
        return new CoalesceEvaluator(arguments, call.type().physicalKind());
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int rows = input.rowCount();
        if (arguments.length == 1) {
            return arguments[0].evaluateAll(input);
        }
        BranchResults results = new BranchResults(rows, arguments.length);
        int[] remaining = CaseExpressionEvaluator.identity(rows);
        int remainingCount = rows;
        for (int k = 0; k < arguments.length && remainingCount > 0; k++) {
            SubsetEvaluator argument = arguments[k];
            boolean byRow = !argument.prefersSubset(remainingCount, rows);
            ColumnVector values = byRow ? argument.evaluateAll(input) : argument.evaluate(input, remaining, remainingCount);
            if (!values.mayHaveNulls()) {
                results.add(values, remaining, remainingCount, byRow);
                remainingCount = 0;
                break;
            }
            int[] taken = new int[remainingCount];
            int takenCount = 0;
            int[] rest = new int[remainingCount];
            int restCount = 0;
            boolean[] nulls = values.nulls();
            for (int j = 0; j < remainingCount; j++) {
                int row = remaining[j];
                int isNull = nulls[byRow ? row : j] ? 1 : 0;
                taken[takenCount] = row;
                rest[restCount] = row;
                takenCount += 1 - isNull;
                restCount += isNull;
            }
            if (takenCount > 0) {
                results.add(values, taken, takenCount, byRow);
            }
            remaining = rest;
            remainingCount = restCount;
        }
        return results.assemble(kind);
    }
}
