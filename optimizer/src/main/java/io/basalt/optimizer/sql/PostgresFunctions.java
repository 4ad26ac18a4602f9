package io.basalt.optimizer.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;

/**
 * PostgreSQL functions Calcite has no operator for, or has only with another dialect's arguments or result
 * (BigQuery's {@code date_trunc(value, unit)}, Calcite's {@code PI} without parentheses). Each is typed as
 * PostgreSQL types it where Basalt has the type; the executor implements them (see execution's
 * {@code Function}).
 */
final class PostgresFunctions {

    private static final SqlReturnTypeInference TEXT = ReturnTypes.explicit(SqlTypeName.VARCHAR)
            .andThen(SqlTypeTransforms.TO_NULLABLE);
    private static final SqlReturnTypeInference TIMESTAMP = ReturnTypes.explicit(SqlTypeName.TIMESTAMP)
            .andThen(SqlTypeTransforms.TO_NULLABLE);

    /** {@code date_trunc('unit', date or timestamp)}: a timestamp. */
    static final SqlFunction DATE_TRUNC = function("DATE_TRUNC", TIMESTAMP,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME), SqlFunctionCategory.TIMEDATE);
    /** {@code date_part('field', date, time or timestamp)}: double precision. */
    static final SqlFunction DATE_PART = function("DATE_PART", ReturnTypes.DOUBLE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME), SqlFunctionCategory.TIMEDATE);
    static final SqlFunction MAKE_DATE = function("MAKE_DATE", ReturnTypes.DATE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER), SqlFunctionCategory.TIMEDATE);
    static final SqlFunction MAKE_TIMESTAMP = function("MAKE_TIMESTAMP", TIMESTAMP,
            OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
                    SqlTypeFamily.INTEGER, SqlTypeFamily.NUMERIC), SqlFunctionCategory.TIMEDATE);
    /** {@code to_char(date, timestamp or number, 'format')}. */
    static final SqlFunction TO_CHAR = function("TO_CHAR", TEXT, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER),
            OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.CHARACTER)), SqlFunctionCategory.STRING);
    static final SqlFunction TO_DATE = function("TO_DATE", ReturnTypes.DATE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER), SqlFunctionCategory.TIMEDATE);
    /** {@code now()}: the statement's start time, as {@code CURRENT_TIMESTAMP}. */
    static final SqlFunction NOW = new SqlFunction("NOW", SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.TIMESTAMP),
            null, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE) {
        @Override
        public boolean isDynamicFunction() {
            return true;
        }
    };
    /** {@code pi()}; Calcite's own {@code PI} takes no parentheses. */
    static final SqlFunction PI = function("PI", ReturnTypes.DOUBLE, OperandTypes.NILADIC, SqlFunctionCategory.NUMERIC);
    /** {@code random()}: a new value per row, so never a constant the planner may fold or share. */
    static final SqlFunction RANDOM = new SqlFunction("RANDOM", SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE, null,
            OperandTypes.NILADIC, SqlFunctionCategory.NUMERIC) {
        @Override
        public boolean isDeterministic() {
            return false;
        }

        @Override
        public SqlSyntax getSyntax() {
            return SqlSyntax.FUNCTION;
        }
    };
    /** {@code trunc(x[, digits])}: a DECIMAL keeps the digits asked for (scale 0 without them), as PostgreSQL's. */
    static final SqlFunction TRUNC = function("TRUNC", PostgresFunctions::truncatedType, OperandTypes.or(OperandTypes.NUMERIC,
            OperandTypes.NUMERIC_INTEGER), SqlFunctionCategory.NUMERIC);
    /** {@code sign(x)}: -1, 0 or 1 as the argument's type; a DECIMAL's as DECIMAL(1, 0), as PostgreSQL prints it. */
    static final SqlFunction SIGN = function("SIGN", PostgresFunctions::signType, OperandTypes.NUMERIC, SqlFunctionCategory.NUMERIC);
    /** {@code div(a, b)}: the truncated quotient, BIGINT of integers, DECIMAL(p, 0) of decimals. */
    static final SqlFunction DIV = function("DIV", PostgresFunctions::integralQuotientType, OperandTypes.EXACT_NUMERIC_EXACT_NUMERIC,
            SqlFunctionCategory.NUMERIC);
    static final SqlFunction GCD = function("GCD", ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.TO_NULLABLE),
            OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER), SqlFunctionCategory.NUMERIC);
    static final SqlFunction LCM = function("LCM", ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.TO_NULLABLE),
            OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER), SqlFunctionCategory.NUMERIC);
    /** {@code regexp_count(value, pattern[, start[, flags]])}. */
    static final SqlFunction REGEXP_COUNT = function("REGEXP_COUNT", ReturnTypes.INTEGER_NULLABLE, OperandTypes.or(
            OperandTypes.STRING_STRING,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.STRING);
    /** {@code regexp_like(value, pattern[, flags])}. */
    static final SqlFunction REGEXP_LIKE = function("REGEXP_LIKE", ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.or(
            OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_STRING), SqlFunctionCategory.STRING);
    /**
     * {@code regexp_matches(value, pattern[, flags])} as DuckDB has it: whether the pattern matches, like regexp_like.
     * PostgreSQL's returns the captured groups as a set of {@code text[]}, and Basalt has no arrays; a query that
     * uses the result as a condition means the same in both.
     */
    static final SqlFunction REGEXP_MATCHES = function("REGEXP_MATCHES", ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.or(
            OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_STRING), SqlFunctionCategory.STRING);
    /** {@code regexp_substr(value, pattern[, start[, n[, flags[, group]]]])}: the n-th match or NULL. */
    static final SqlFunction REGEXP_SUBSTR = function("REGEXP_SUBSTR", TEXT, OperandTypes.or(OperandTypes.STRING_STRING,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
                    SqlTypeFamily.CHARACTER),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
                    SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)), SqlFunctionCategory.STRING);
    /** {@code octet_length(text)}; Calcite's takes binary strings only. */
    static final SqlFunction OCTET_LENGTH = function("OCTET_LENGTH", ReturnTypes.INTEGER_NULLABLE, OperandTypes.STRING,
            SqlFunctionCategory.STRING);

    static final List<SqlFunction> ALL = List.of(DATE_TRUNC, DATE_PART, MAKE_DATE, MAKE_TIMESTAMP, TO_CHAR, TO_DATE, NOW, PI,
            RANDOM, TRUNC, SIGN, DIV, GCD, LCM, REGEXP_COUNT, REGEXP_LIKE, REGEXP_MATCHES, REGEXP_SUBSTR, OCTET_LENGTH);

    private PostgresFunctions() {
    }

    private static SqlFunction function(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands,
                                        SqlFunctionCategory category) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, category);
    }

    private static RelDataType truncatedType(SqlOperatorBinding binding) {
        RelDataType value = binding.getOperandType(0);
        if (value.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return value;
        }
        int scale = value.getScale();
        if (binding.getOperandCount() == 1) {
            scale = 0;
        } else if (binding.isOperandLiteral(1, false)) {
            Integer digits = binding.getOperandLiteralValue(1, Integer.class);
            scale = digits == null ? scale : Math.max(0, Math.min(digits, scale));
        }
        int precision = Math.max(1, value.getPrecision() - value.getScale() + scale);
        RelDataTypeFactory types = binding.getTypeFactory();
        return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, precision, scale), value.isNullable());
    }

    private static RelDataType signType(SqlOperatorBinding binding) {
        RelDataType value = binding.getOperandType(0);
        if (value.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return value;
        }
        RelDataTypeFactory types = binding.getTypeFactory();
        return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, 1, 0), value.isNullable());
    }

    private static RelDataType integralQuotientType(SqlOperatorBinding binding) {
        RelDataTypeFactory types = binding.getTypeFactory();
        RelDataType common = ReturnTypes.LEAST_RESTRICTIVE.inferReturnType(binding);
        RelDataType quotient = common == null || SqlTypeUtil.isIntType(common) ? types.createSqlType(SqlTypeName.BIGINT)
                : types.createSqlType(SqlTypeName.DECIMAL, common.getPrecision(), 0);
        return types.createTypeWithNullability(quotient, common == null || common.isNullable());
    }
}
