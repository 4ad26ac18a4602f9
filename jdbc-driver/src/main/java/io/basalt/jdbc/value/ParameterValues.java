package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BasaltType;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.TypedNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;

/**
 * Turns what an application passes to {@code setObject} into the values a session receives (see
 * {@link io.basalt.jdbc.spi.ServerSession#execute}): the Java types Basalt carries pass through, the legacy
 * {@code java.sql} date-times become {@code java.time} values in the JVM's default zone (as JDBC says),
 * BigInteger becomes BigDecimal, Character becomes String; anything else is refused rather than guessed.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /** {@code value} as a session receives it ({@code setObject(i, value)}). */
    public static Object normalize(Object value, Object context) throws SQLException {
        if (value == null || value instanceof TypedNull || value instanceof Boolean || value instanceof Byte
                || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double || value instanceof BigDecimal
                || value instanceof String || value instanceof LocalDate || value instanceof LocalTime
                || value instanceof LocalDateTime) {
            return value;
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Character) {
            return value.toString();
        }
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toLocalDateTime();
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate();
        }
        if (value instanceof java.sql.Time) {
            return LegacyDateTimes.toLocalTime((java.sql.Time) value, null);
        }
        if (value instanceof java.util.Date) {
            return LegacyDateTimes.toLocalDateTime((java.util.Date) value);
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant
                || value instanceof OffsetTime) {
            throw SqlExceptionFactory.notSupported("Basalt has no date-time type with a time zone, so " + context
                    + " cannot be a " + value.getClass().getName() + "; pass a LocalDateTime or LocalTime");
        }
        throw SqlExceptionFactory.notSupported("Basalt cannot take a " + value.getClass().getName() + " as "
                + context + "; use a number, String, Boolean, BigDecimal or a java.time local date-time");
    }

    /**
     * {@code value} converted to SQL type {@code targetSqlType} ({@code setObject(i, value, type[, scale])}).
     *
     * @param scale for DECIMAL and NUMERIC, the number of digits to keep after the point (rounding half
     *     up), or -1 to keep the value's own
     */
    public static Object convert(Object value, int targetSqlType, int scale, Object context) throws SQLException {
        BasaltType target = targetType(targetSqlType, context);
        Object normalized = normalize(value, context);
        if (normalized == null || normalized instanceof TypedNull) {
            return TypedNull.of(target.sqlType());
        }
        switch (target) {
            case BOOLEAN:
                return ValueConverter.toBoolean(normalized, context);
            case TINYINT:
                return ValueConverter.toByte(normalized, context);
            case SMALLINT:
                return ValueConverter.toShort(normalized, context);
            case INTEGER:
                return ValueConverter.toInt(normalized, context);
            case BIGINT:
                return ValueConverter.toLong(normalized, context);
            case DECIMAL:
            case NUMERIC: {
                BigDecimal decimal = ValueConverter.toBigDecimal(normalized, context);
                return scale >= 0 ? decimal.setScale(scale, RoundingMode.HALF_UP) : decimal;
            }
            case REAL:
                return ValueConverter.toFloat(normalized, context);
            case FLOAT:
            case DOUBLE:
                return ValueConverter.toDouble(normalized, context);
            case CHAR:
            case VARCHAR:
                return ValueConverter.toText(normalized);
            case DATE:
                return ValueConverter.toLocalDate(normalized, context);
            case TIME:
                return ValueConverter.toLocalTime(normalized, context);
            case TIMESTAMP:
                return ValueConverter.toLocalDateTime(normalized, context);
            case NULL:
                throw ValueConverter.impossible(normalized, "NULL", context, "only null has type NULL");
            default:
                throw new IllegalStateException("unhandled type " + target);
        }
    }

    /** The Basalt type of a {@link Types} code, counting JDBC's synonyms (BIT, LONGVARCHAR, N-types). */
    public static BasaltType targetType(int sqlType, Object context) throws SQLException {
        switch (sqlType) {
            case Types.BIT:
                return BasaltType.BOOLEAN;
            case Types.LONGVARCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
                return BasaltType.VARCHAR;
            case Types.NCHAR:
                return BasaltType.CHAR;
            default:
                BasaltType type = BasaltType.ofSqlType(sqlType);
                if (type == null) {
                    throw SqlExceptionFactory.notSupported("Basalt has no SQL type with java.sql.Types code "
                            + sqlType + " (" + context + ")");
                }
                return type;
        }
    }
}
