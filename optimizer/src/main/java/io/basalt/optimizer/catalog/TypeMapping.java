package io.basalt.optimizer.catalog;

import io.basalt.optimizer.PlanningException;
import io.basalt.storage.type.LogicalType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Basalt's storage types as Calcite types and back. Every column type maps to exactly one Calcite type; the way
 * back also accepts the types Calcite derives (FLOAT is a double, NULL-typed expressions become TEXT as
 * PostgreSQL's unknown literals do) and refuses the rest (intervals as values, binary, collections) with 0A000.
 */
public final class TypeMapping {

    private TypeMapping() {
    }

    public static RelDataType toCalcite(RelDataTypeFactory typeFactory, LogicalType type, boolean nullable) {
        RelDataType calciteType = switch (type.kind()) {
            case BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT -> typeFactory.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
            case REAL -> typeFactory.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case VARCHAR -> type.isBoundedLength() && type.length() < BasaltTypeSystem.MAX_STRING_LENGTH
                    ? typeFactory.createSqlType(SqlTypeName.VARCHAR, type.length())
                    : typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case CHAR -> type.length() < BasaltTypeSystem.MAX_STRING_LENGTH
                    ? typeFactory.createSqlType(SqlTypeName.CHAR, type.length())
                    : typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
            case TIME -> typeFactory.createSqlType(SqlTypeName.TIME, 6);
            case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 6);
        };
        return typeFactory.createTypeWithNullability(calciteType, nullable);
    }

    public static LogicalType toBasalt(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> LogicalType.BOOLEAN;
            case TINYINT -> LogicalType.TINYINT;
            case SMALLINT -> LogicalType.SMALLINT;
            case INTEGER -> LogicalType.INTEGER;
            case BIGINT -> LogicalType.BIGINT;
            case DECIMAL -> LogicalType.decimal(type.getPrecision(), type.getScale());
            case REAL -> LogicalType.REAL;
            case FLOAT, DOUBLE -> LogicalType.DOUBLE;
            case VARCHAR -> isTextWithoutLength(type) ? LogicalType.TEXT : LogicalType.varchar(type.getPrecision());
            case CHAR -> isTextWithoutLength(type) ? LogicalType.TEXT : LogicalType.character(type.getPrecision());
            case DATE -> LogicalType.DATE;
            case TIME -> LogicalType.TIME;
            case TIMESTAMP -> LogicalType.TIMESTAMP;
            case NULL -> LogicalType.TEXT;
            default -> throw PlanningException.notSupported("values of type " + type.getFullTypeString());
        };
    }

    public static boolean isSupported(RelDataType type) {
        try {
            toBasalt(type);
            return true;
        } catch (PlanningException e) {
            return false;
        }
    }

    /**
     * Text planned as TEXT: unbounded, longer than Calcite's limit, or of length 0, the type Calcite gives the
     * empty string {@code ''} (CHAR(0)), for which storage has no type.
     */
    private static boolean isTextWithoutLength(RelDataType type) {
        return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED || type.getPrecision() == 0
                || type.getPrecision() >= BasaltTypeSystem.MAX_STRING_LENGTH;
    }
}
