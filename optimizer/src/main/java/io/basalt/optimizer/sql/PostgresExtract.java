package io.basalt.optimizer.sql;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlExtractFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code EXTRACT} typed as PostgreSQL types {@code EXTRACT(EPOCH FROM timestamp or time)}: a number that keeps the
 * fraction of a second ({@code numeric} there, DECIMAL(18,6) here: microseconds, the precision of Basalt's
 * timestamps, up to ±31,000 years). Every other field keeps Calcite's BIGINT, and so does the epoch of a DATE,
 * which is whole seconds. {@link PostgresSpellings} gives every parsed EXTRACT this operator.
 */
final class PostgresExtract extends SqlExtractFunction {

    static final PostgresExtract INSTANCE = new PostgresExtract();

    private static final int EPOCH_PRECISION = 18;
    private static final int EPOCH_SCALE = 6;

    private PostgresExtract() {
        super("EXTRACT", false);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        SqlTypeName source = binding.getOperandType(1).getSqlTypeName();
        if (binding.getOperandLiteralValue(0, TimeUnitRange.class) == TimeUnitRange.EPOCH
                && (source == SqlTypeName.TIMESTAMP || source == SqlTypeName.TIME)) {
            RelDataTypeFactory types = binding.getTypeFactory();
            return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, EPOCH_PRECISION, EPOCH_SCALE),
                    binding.getOperandType(1).isNullable());
        }
        return super.inferReturnType(binding);
    }
}
