package io.basalt.optimizer.catalog;

import io.basalt.storage.type.LogicalType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.math.RoundingMode;

/**
 * Basalt's numeric rules for Calcite's type derivation. They decide the result types the executor computes,
 * so they are the executor's contract as much as the planner's:
 *
 * <ul>
 *   <li>DECIMAL precision and scale up to 38 (storage's limit), rounding half away from zero (as the executor
 *       rounds);</li>
 *   <li>SUM of integers is BIGINT, of DECIMAL(p,s) DECIMAL(38,s), of floating point DOUBLE;</li>
 *   <li>AVG of DECIMAL(p,s) is a DECIMAL(38, max(s, 16)) (as many fraction digits as a DOUBLE has significant
 *       ones, while the integer digits of the input still fit), of anything else DOUBLE;</li>
 *   <li>a DECIMAL quotient has at least {@link #MINIMUM_DIVISION_SCALE} fraction digits (otherwise SQL Server's
 *       rule, as Calcite's default).</li>
 * </ul>
 */
public final class BasaltTypeSystem extends RelDataTypeSystemImpl {

    public static final BasaltTypeSystem INSTANCE = new BasaltTypeSystem();

    /**
     * The longest string type Calcite may derive. Basalt's TEXT has no limit; this bound only keeps Calcite's
     * length arithmetic (the length of {@code a || b} is the sum) clear of int overflow. Longer declared lengths
     * are planned as TEXT.
     */
    public static final int MAX_STRING_LENGTH = 1 << 30;

    /**
     * DECIMAL without precision and scale, in casts and in {@code CREATE TABLE}: DuckDB's default (18,3), which stays
     * in a 64-bit value; PostgreSQL's unconstrained NUMERIC has no fixed-width equivalent.
     */
    public static final int DEFAULT_DECIMAL_PRECISION = 18;
    public static final int DEFAULT_DECIMAL_SCALE = 3;

    /** Fraction digits an AVG of DECIMAL keeps at least. */
    static final int AVERAGE_SCALE = 16;
    /**
     * Fraction digits a DECIMAL quotient has at least. SQL Server's rule (Calcite's default) cuts the scale to 6
     * when the digits run out, and with SUM's 38 digits they always do: every ratio of sums (TPC-H Q8, Q14)
     * would be rounded to 6 digits. 12 keeps ratios exact to about 1e-12 and still leaves 26 integer digits.
     */
    static final int MINIMUM_DIVISION_SCALE = 12;

    private BasaltTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> LogicalType.MAX_DECIMAL_PRECISION;
            // Microseconds, as storage keeps TIME and TIMESTAMP.
            case TIME, TIMESTAMP -> 6;
            case VARCHAR, CHAR -> MAX_STRING_LENGTH;
            default -> super.getMaxPrecision(typeName);
        };
    }

    /**
     * Types written without precision: {@code CAST(x AS TIMESTAMP)} keeps microseconds (PostgreSQL's default
     * precision 6; Calcite's is 0, which cut fractions of seconds), and {@code DECIMAL} is DECIMAL(18,3) as in
     * {@code CREATE TABLE} (DuckDB's default; Calcite's DECIMAL(38,0) rounded {@code CAST(1.5 AS DECIMAL)} to 2).
     */
    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIME, TIMESTAMP -> 6;
            case DECIMAL -> DEFAULT_DECIMAL_PRECISION;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public int getDefaultScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? DEFAULT_DECIMAL_SCALE : super.getDefaultScale(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        if (typeName == SqlTypeName.DECIMAL) {
            return LogicalType.MAX_DECIMAL_PRECISION;
        }
        return super.getMaxScale(typeName);
    }

    @Override
    public RoundingMode roundingMode() {
        return RoundingMode.HALF_UP;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType sumType = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, LogicalType.MAX_DECIMAL_PRECISION,
                    argumentType.getScale());
            case REAL, FLOAT, DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            default -> argumentType;
        };
        return typeFactory.createTypeWithNullability(sumType, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType averageType;
        if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
            int integerDigits = argumentType.getPrecision() - argumentType.getScale();
            int scale = Math.min(Math.max(argumentType.getScale(), AVERAGE_SCALE),
                    LogicalType.MAX_DECIMAL_PRECISION - integerDigits);
            averageType = typeFactory.createSqlType(SqlTypeName.DECIMAL, LogicalType.MAX_DECIMAL_PRECISION, scale);
        } else if (SqlTypeUtil.isNumeric(argumentType)) {
            averageType = typeFactory.createSqlType(SqlTypeName.DOUBLE);
        } else {
            return argumentType;
        }
        return typeFactory.createTypeWithNullability(averageType, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType dividend,
                                               RelDataType divisor) {
        RelDataType standard = super.deriveDecimalDivideType(typeFactory, dividend, divisor);
        if (standard == null || standard.getScale() >= MINIMUM_DIVISION_SCALE) {
            return standard;
        }
        int integerDigits = Math.min(standard.getPrecision() - standard.getScale(),
                LogicalType.MAX_DECIMAL_PRECISION - MINIMUM_DIVISION_SCALE);
        return typeFactory.createSqlType(SqlTypeName.DECIMAL, integerDigits + MINIMUM_DIVISION_SCALE,
                MINIMUM_DIVISION_SCALE);
    }
}
