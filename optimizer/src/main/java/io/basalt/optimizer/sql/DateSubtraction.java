package io.basalt.optimizer.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.List;

/**
 * PostgreSQL's {@code date - date}, the whole days between them as an INTEGER, which Calcite's {@code -} rejects.
 * {@link BasaltOperatorTable} answers this operator for every binary minus: Calcite's own, plus DATE minus DATE. Its
 * conversion to a row expression is Calcite's for everything else, and for two dates a {@code MINUS} call of type
 * INTEGER, which the planner turns into the executor's {@code DAYS_BETWEEN}.
 */
final class DateSubtraction {

    static final SqlMonotonicBinaryOperator MINUS = new SqlMonotonicBinaryOperator("-", SqlKind.MINUS, 40, true,
            DateSubtraction::returnType, SqlStdOperatorTable.MINUS.getOperandTypeInference(),
            OperandTypes.or(SqlStdOperatorTable.MINUS.getOperandTypeChecker(),
                    OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.DATE)));

    /** Calcite's conversions, with this operator's. */
    static final SqlRexConvertletTable CONVERTLETS = call -> call.getOperator() == MINUS
            ? (SqlRexConvertlet) DateSubtraction::convert : StandardConvertletTable.INSTANCE.get(call);

    private DateSubtraction() {
    }

    private static RelDataType returnType(SqlOperatorBinding binding) {
        if (!isDateDifference(binding.getOperandType(0), binding.getOperandType(1))) {
            return SqlStdOperatorTable.MINUS.inferReturnType(binding);
        }
        RelDataTypeFactory types = binding.getTypeFactory();
        boolean nullable = binding.getOperandType(0).isNullable() || binding.getOperandType(1).isNullable();
        return types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), nullable);
    }

    private static boolean isDateDifference(RelDataType left, RelDataType right) {
        return left.getSqlTypeName() == SqlTypeName.DATE && right.getSqlTypeName() == SqlTypeName.DATE;
    }

    private static RexNode convert(SqlRexContext context, SqlCall call) {
        RelDataType type = context.getValidator().getValidatedNodeType(call);
        RexNode left = context.convertExpression(call.operand(0));
        RexNode right = context.convertExpression(call.operand(1));
        if (isDateDifference(left.getType(), right.getType())) {
            return context.getRexBuilder().makeCall(type, SqlStdOperatorTable.MINUS, List.of(left, right));
        }
        SqlCall standard = SqlStdOperatorTable.MINUS.createCall(call.getParserPosition(), call.getOperandList());
        context.getValidator().setValidatedNodeType(standard, type);
        return StandardConvertletTable.INSTANCE.convertCall(context, standard);
    }
}
