package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * {@code CASE(when1, then1, …, else)}, evaluated lazily: each WHEN sees only the rows no earlier WHEN took,
 * each THEN only the rows its WHEN took, the ELSE only the rest. So a branch's errors (division by zero,
 * overflow, a bad cast) surface only for rows that reach it, as SQL requires. Branches that cannot fail run
 * on the whole batch when that is cheaper than copying out the rows (see {@link SubsetEvaluator}).
 */
final class CaseExpressionEvaluator implements CompiledExpression {

    private final SubsetEvaluator[] conditions;
    private final SubsetEvaluator[] branches;
    private final PhysicalKind kind;

    private CaseExpressionEvaluator(SubsetEvaluator[] conditions, SubsetEvaluator[] branches, PhysicalKind kind) {
        this.conditions = conditions;
        this.branches = branches;
        this.kind = kind;
    }

    static CompiledExpression compile(Call call) {
        List<Expression> arguments = call.arguments();
        if (arguments.size() % 2 != 1) {
            throw new IllegalArgumentException("CASE needs WHEN/THEN pairs and an ELSE, got " + arguments.size() + " arguments");
        }
        int pairs = arguments.size() / 2;
        SubsetEvaluator[] conditions = new SubsetEvaluator[pairs];
        SubsetEvaluator[] branches = new SubsetEvaluator[pairs + 1];
        for (int k = 0; k < pairs; k++) {
            conditions[k] = new SubsetEvaluator(LogicalKernels.requireBoolean(call, arguments.get(2 * k)));
            branches[k] = new SubsetEvaluator(convert(arguments.get(2 * k + 1), call.type()));
        }
        branches[pairs] = new SubsetEvaluator(convert(arguments.get(arguments.size() - 1), call.type()));
        return new CaseExpressionEvaluator(conditions, branches, call.type().physicalKind());
    }

    /** A branch of another type (say DECIMAL(3,1) in a DECIMAL(10,2) CASE) is cast to the result type. */
    static Expression convert(Expression branch, LogicalType type) {
        return branch.type().equals(type) ? branch : Call.of(Function.CAST, type, branch);
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int rows = input.rowCount();
        BranchResults results = new BranchResults(rows, branches.length);
        int[] remaining = identity(rows);
        int remainingCount = rows;
        for (int k = 0; k < conditions.length && remainingCount > 0; k++) {
            SubsetEvaluator condition = conditions[k];
            boolean byRow = !condition.prefersSubset(remainingCount, rows);
            BooleanVector truth = (BooleanVector) (byRow ? condition.evaluateAll(input)
                    : condition.evaluate(input, remaining, remainingCount));
            boolean[] values = truth.values();
            boolean[] nulls = truth.mayHaveNulls() ? truth.nulls() : null;
            int[] taken = new int[remainingCount];
            int[] rest = new int[remainingCount];
            int takenCount = split(remaining, remainingCount, byRow, values, nulls, taken, rest);
            if (takenCount > 0) {
                add(results, branches[k], input, taken, takenCount, rows);
                remaining = rest;
                remainingCount -= takenCount;
            }
        }
        if (remainingCount > 0) {
            add(results, branches[branches.length - 1], input, remaining, remainingCount, rows);
        }
        return results.assemble(kind);
    }

    /**
     * Splits the remaining rows into those the condition takes (true, not null) and the rest; returns how many it
     * takes. Branch-free: which rows a condition takes is data the branch predictor cannot guess. A method of its own,
     * the one loop over rows here, so that C2 compiles it alone ({@link #evaluate} runs once per batch).
     */
    private static int split(int[] remaining, int count, boolean byRow, boolean[] values, boolean[] nulls, int[] taken,
                             int[] rest) {
        int takenCount = 0;
        int restCount = 0;
        for (int j = 0; j < count; j++) {
            int row = remaining[j];
            int index = byRow ? row : j;
            int take = values[index] && (nulls == null || !nulls[index]) ? 1 : 0;
            taken[takenCount] = row;
            rest[restCount] = row;
            takenCount += take;
            restCount += 1 - take;
        }
        return takenCount;
    }

    static void add(BranchResults results, SubsetEvaluator branch, ColumnBatch input, int[] chosen, int count, int rows) {
        if (branch.prefersSubset(count, rows)) {
            results.add(branch.evaluate(input, chosen, count), chosen, count, false);
        } else {
            results.add(branch.evaluateAll(input), chosen, count, true);
        }
    }

    static int[] identity(int rows) {
        int[] positions = new int[Math.max(rows, 1)];
        for (int i = 0; i < rows; i++) {
            positions[i] = i;
        }
        return positions;
    }
}
