package io.basalt.optimizer.dml;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;

/**
 * SQL's assignment rule for a value going into a column (INSERT, UPDATE SET, MERGE): cast to the column's type,
 * except text into text. CAST would cut a too-long text silently (the rule for explicit casts), while an
 * assignment must fail on it, which storage checks on append (22001).
 */
public final class AssignmentCasts {

    private AssignmentCasts() {
    }

    /** {@code value} (of type {@code type}) as a value of {@code target}. */
    public static Expression assign(Expression value, LogicalType type, LogicalType target) {
        boolean textIntoText = type.physicalKind() == PhysicalKind.BYTES && target.physicalKind() == PhysicalKind.BYTES;
        if (type.equals(target) || textIntoText) {
            return value;
        }
        return Call.of(Function.CAST, target, value);
    }
}
