package io.basalt.optimizer.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Calcite's implicit casts, except into the arguments of the aggregates PostgreSQL defines for one type family
 * only: {@code string_agg(integer, text)} and {@code stddev(text)} do not exist there (42883), while Calcite would
 * cast the values to text, or the text to DECIMAL and fail on the first value that is no number.
 */
final class AggregateArgumentCoercion extends TypeCoercionImpl {

    private static final Set<SqlKind> STRICT = EnumSet.of(SqlKind.STRING_AGG, SqlKind.LISTAGG, SqlKind.STDDEV_POP,
            SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP);

    AggregateArgumentCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public boolean builtinFunctionCoercion(SqlCallBinding binding, List<RelDataType> operandTypes,
                                           List<SqlTypeFamily> expectedFamilies) {
        if (STRICT.contains(binding.getOperator().getKind())) {
            return false;
        }
        return super.builtinFunctionCoercion(binding, operandTypes, expectedFamilies);
    }
}
