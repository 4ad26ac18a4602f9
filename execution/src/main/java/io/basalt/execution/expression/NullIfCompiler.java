package io.basalt.execution.expression;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * {@code NULLIF(a, b)}: NULL where a = b (both non-NULL), else a. The comparison runs on the operands
 * unified as for EQUAL; the result keeps a's values and type.
 */
final class NullIfCompiler {

    private NullIfCompiler() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        Operand value = CastCompiler.coerce(arguments.get(0), call.type());
        Operand other = arguments.get(1);
        if (other.isNullConstant() || value.isNullConstant()) {
            return value.expression();
        }
        Operand[] compared = CommonTypes.unify(value, other);
        PhysicalKind kind = call.type().physicalKind();
        Object constant = compared[1].isConstant() ? ComparisonCompiler.scalar(compared[1].type().physicalKind(), compared[1].value()) : null;
        return input -> {
            int rows = input.rowCount();
            ColumnVector values = value.evaluate(input);
            ColumnVector left = compared[0] == value ? values : compared[0].evaluate(input);
            boolean[] equal = new boolean[Math.max(rows, 1)];
            ColumnVector right = null;
            if (constant != null) {
                ComparisonCompiler.compareWithConstant(Function.EQUAL, compared[1].type().physicalKind(), left, constant, equal, rows);
            } else {
                right = compared[1].evaluate(input);
                ComparisonCompiler.compareValues(Function.EQUAL, left, right, equal, rows);
            }
            int[] kept = new int[Math.max(rows, 1)];
            int count = 0;
            boolean anyDropped = false;
            for (int i = 0; i < rows; i++) {
                boolean dropped = equal[i] && !left.isNull(i) && (right == null || !right.isNull(i));
                if (dropped) {
                    anyDropped = true;
                } else {
                    kept[count++] = i;
                }
            }
            if (!anyDropped) {
                return values;
            }
            BranchResults results = new BranchResults(rows, 1);
            results.add(values, kept, count, true);
            return results.assemble(kind);
        };
    }
}
