package io.basalt.execution.expression;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * AND, OR and NOT with SQL's three-valued logic, and the never-NULL tests IS [NOT] NULL / TRUE / FALSE.
 *
 * <p>AND keeps two flags per row, "some argument was FALSE" and "some argument was NULL": the result is
 * FALSE if the first is set, else NULL if the second is, else TRUE (so FALSE AND NULL = FALSE). OR is the
 * mirror image with TRUE. Each argument is folded in with one branch-free loop. Arguments after the first
 * that can raise errors are evaluated only for rows not yet decided (PostgreSQL users rely on
 * {@code x <> 0 AND 10 / x > 1}), and so are costly ones when few rows remain undecided (a selective first
 * conjunct spares a LIKE most of its rows); the others run on the whole batch.
 */
final class LogicalKernels {

    private LogicalKernels() {
    }

    static CompiledExpression compileJunction(Call call) {
        boolean and = call.function() == Function.AND;
        List<Expression> expressions = call.arguments();
        SubsetEvaluator[] arguments = new SubsetEvaluator[expressions.size()];
        for (int k = 0; k < arguments.length; k++) {
            arguments[k] = new SubsetEvaluator(requireBoolean(call, expressions.get(k)));
        }
        return input -> junction(and, arguments, input);
    }

    static Expression requireBoolean(Call call, Expression argument) {
        if (argument.type().kind() != io.basalt.storage.type.TypeKind.BOOLEAN) {
            throw ExpressionErrors.notSupported(call.function() + " of " + argument.type());
        }
        return argument;
    }

    private static ColumnVector junction(boolean and, SubsetEvaluator[] arguments, ColumnBatch input) {
        int rows = input.rowCount();
        // For AND: decided = saw FALSE; for OR: decided = saw TRUE.
        boolean[] decided = new boolean[Math.max(rows, 1)];
        boolean[] sawNull = new boolean[Math.max(rows, 1)];
        boolean decisive = !and;
        for (int k = 0; k < arguments.length; k++) {
            SubsetEvaluator argument = arguments[k];
            if (k == 0) {
                fold((BooleanVector) argument.evaluateAll(input), decisive, decided, sawNull, rows);
                continue;
            }
            int count = undecidedCount(decided, rows);
            if (count == 0) {
                break;
            }
            if (!argument.prefersSubset(count, rows)) {
                fold((BooleanVector) argument.evaluateAll(input), decisive, decided, sawNull, rows);
                continue;
            }
            int[] undecided = new int[rows + 1];
            undecidedRows(decided, rows, undecided);
            // Only the undecided rows: required when the argument can fail, cheaper when few remain.
            foldSubset((BooleanVector) argument.evaluate(input, undecided, count), undecided, count, decisive, decided,
                    sawNull);
        }
        return result(decided, sawNull, decisive, rows);
    }

    // The loops are methods of their own: junction runs once a batch and evaluates its arguments, so C2 leaves it alone
    // (CompilerDirectives) instead of compiling every argument's expression into it, again for each new query.

    /** Branch-free counting: whether a row is decided is data, not predictable. */
    private static int undecidedCount(boolean[] decided, int rows) {
        int count = 0;
        for (int i = 0; i < rows; i++) {
            count += decided[i] ? 0 : 1;
        }
        return count;
    }

    private static void undecidedRows(boolean[] decided, int rows, int[] undecided) {
        for (int i = 0, next = 0; i < rows; i++) {
            undecided[next] = i;
            next += decided[i] ? 0 : 1;
        }
    }

    private static void foldSubset(BooleanVector values, int[] undecided, int count, boolean decisive,
                                   boolean[] decided, boolean[] sawNull) {
        boolean[] truth = values.values();
        for (int j = 0; j < count; j++) {
            int row = undecided[j];
            boolean isNull = values.isNull(j);
            decided[row] |= !isNull & truth[j] == decisive;
            sawNull[row] |= isNull;
        }
    }

    private static BooleanVector result(boolean[] decided, boolean[] sawNull, boolean decisive, int rows) {
        BooleanVector result = new BooleanVector(rows);
        result.setPositionCount(rows);
        boolean[] out = result.values();
        boolean[] mask = result.nulls();
        boolean anyNull = false;
        for (int i = 0; i < rows; i++) {
            boolean isNull = !decided[i] & sawNull[i];
            mask[i] = isNull;
            anyNull |= isNull;
            out[i] = decided[i] == decisive;
        }
        if (anyNull) {
            NullMasks.flag(result, mask, rows);
        }
        return result;
    }

    private static void fold(BooleanVector values, boolean decisive, boolean[] decided, boolean[] sawNull, int rows) {
        boolean[] truth = values.values();
        if (!values.mayHaveNulls()) {
            for (int i = 0; i < rows; i++) {
                decided[i] |= truth[i] == decisive;
            }
            return;
        }
        boolean[] nulls = values.nulls();
        for (int i = 0; i < rows; i++) {
            decided[i] |= !nulls[i] & truth[i] == decisive;
            sawNull[i] |= nulls[i];
        }
    }

    /** NOT and the IS tests, one loop each over the value and the mask. */
    static CompiledExpression compileUnary(Function function, Operand operand) {
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            BooleanVector result = new BooleanVector(rows);
            result.setPositionCount(rows);
            boolean[] out = result.values();
            if (function == Function.IS_NULL || function == Function.IS_NOT_NULL) {
                boolean wanted = function == Function.IS_NULL;
                for (int i = 0; i < rows; i++) {
                    out[i] = vector.isNull(i) == wanted;
                }
                return result;
            }
            boolean[] truth = ((BooleanVector) vector).values();
            boolean hasNulls = vector.mayHaveNulls();
            boolean[] nulls = vector.nulls();
            switch (function) {
                case NOT -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = !truth[i];
                    }
                    NullMasks.copy(result, vector, rows);
                }
                case IS_TRUE -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = truth[i] & !(hasNulls && nulls[i]);
                    }
                }
                case IS_NOT_TRUE -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = !truth[i] | (hasNulls && nulls[i]);
                    }
                }
                case IS_FALSE -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = !truth[i] & !(hasNulls && nulls[i]);
                    }
                }
                case IS_NOT_FALSE -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = truth[i] | (hasNulls && nulls[i]);
                    }
                }
                default -> throw new IllegalStateException(function.name());
            }
            return result;
        };
    }
}
