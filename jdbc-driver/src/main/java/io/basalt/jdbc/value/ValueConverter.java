package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The conversions between Java values that JDBC getters and {@code setObject} allow, in one place so that
 * reading a column and binding a parameter convert alike. Sources are the values Basalt carries: Boolean,
 * any Number, String, LocalDate, LocalTime, LocalDateTime (never null: callers handle NULL first).
 *
 * <ul>
 *   <li>numbers convert among each other; a fraction is truncated toward zero when an integer is asked
 *       for; a value that does not fit the target is an error with SQLSTATE 22003;</li>
 *   <li>booleans are 1 and 0 as numbers; a number is a boolean only when it is 0 or 1;</li>
 *   <li>text converts to anything when it parses (numbers, {@code true/false/t/f/yes/no/on/off/1/0},
 *       SQL date-time literals);</li>
 *   <li>everything has a text form ({@link TemporalText} for date-times);</li>
 *   <li>a timestamp gives its date and its time; a date is a timestamp at midnight;</li>
 *   <li>any other pair is impossible: SQLSTATE 22018.</li>
 * </ul>
 * The {@code context} argument ("column 2 (price DECIMAL(15,2))", "parameter 1") only feeds messages.
 */
public final class ValueConverter {

    private static final double LONG_RANGE_END = 0x1p63;

    private ValueConverter() {
    }

    public static boolean toBoolean(Object value, Object context) throws SQLException {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (number == 0 || number == 1) {
                return number == 1;
            }
            throw impossible(value, "boolean", context, "only 0 and 1 are booleans");
        }
        if (value instanceof Number) {
            BigDecimal number = toBigDecimal(value, context);
            if (number.compareTo(BigDecimal.ZERO) == 0 || number.compareTo(BigDecimal.ONE) == 0) {
                return number.compareTo(BigDecimal.ONE) == 0;
            }
            throw impossible(value, "boolean", context, "only 0 and 1 are booleans");
        }
        if (value instanceof String) {
            String text = ((String) value).trim().toLowerCase(Locale.ROOT);
            switch (text) {
                case "true": case "t": case "yes": case "y": case "on": case "1":
                    return true;
                case "false": case "f": case "no": case "n": case "off": case "0":
                    return false;
                default:
                    throw impossible(value, "boolean", context, null);
            }
        }
        throw impossible(value, "boolean", context, null);
    }

    public static byte toByte(Object value, Object context) throws SQLException {
        long number = toLong(value, context);
        if (number < Byte.MIN_VALUE || number > Byte.MAX_VALUE) {
            throw outOfRange(value, "byte", context);
        }
        return (byte) number;
    }

    public static short toShort(Object value, Object context) throws SQLException {
        long number = toLong(value, context);
        if (number < Short.MIN_VALUE || number > Short.MAX_VALUE) {
            throw outOfRange(value, "short", context);
        }
        return (short) number;
    }

    public static int toInt(Object value, Object context) throws SQLException {
        long number = toLong(value, context);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw outOfRange(value, "int", context);
        }
        return (int) number;
    }

    /** Checks that {@code number}, read from {@code value}, fits an int. */
    public static int narrowToInt(long number, Object value, Object context) throws SQLException {
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw outOfRange(value, "int", context);
        }
        return (int) number;
    }

    public static long toLong(Object value, Object context) throws SQLException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal) {
            return truncateToLong((BigDecimal) value, value, context);
        }
        if (value instanceof BigInteger) {
            return truncateToLong(new BigDecimal((BigInteger) value), value, context);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number)) {
                throw impossible(value, "long", context, null);
            }
            if (number >= LONG_RANGE_END || number < -LONG_RANGE_END) {
                throw outOfRange(value, "long", context);
            }
            return (long) number;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        if (value instanceof String) {
            String text = ((String) value).trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notAnInteger) {
                return truncateToLong(parseDecimal(text, value, "long", context), value, context);
            }
        }
        throw impossible(value, "long", context, null);
    }

    public static float toFloat(Object value, Object context) throws SQLException {
        double number = toDouble(value, context);
        if (!Double.isInfinite(number) && Math.abs(number) > Float.MAX_VALUE) {
            throw outOfRange(value, "float", context);
        }
        return (float) number;
    }

    public static double toDouble(Object value, Object context) throws SQLException {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        if (value instanceof String) {
            try {
                return Double.parseDouble(((String) value).trim());
            } catch (NumberFormatException e) {
                throw impossible(value, "double", context, null);
            }
        }
        throw impossible(value, "double", context, null);
    }

    public static BigDecimal toBigDecimal(Object value, Object context) throws SQLException {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw impossible(value, "BigDecimal", context, "NaN and infinities have no decimal value");
            }
            // Float's own shortest text, so 0.1f becomes 0.1 and not 0.100000001490116…
            return value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(number);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String) {
            return parseDecimal(((String) value).trim(), value, "BigDecimal", context);
        }
        throw impossible(value, "BigDecimal", context, null);
    }

    public static String toText(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof LocalDateTime) {
            return TemporalText.formatTimestamp((LocalDateTime) value);
        }
        if (value instanceof LocalTime) {
            return TemporalText.formatTime((LocalTime) value);
        }
        if (value instanceof LocalDate) {
            return TemporalText.formatDate((LocalDate) value);
        }
        return String.valueOf(value);
    }

    public static LocalDate toLocalDate(Object value, Object context) throws SQLException {
        if (value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toLocalDate();
        }
        if (value instanceof String) {
            try {
                return TemporalText.parseDate((String) value);
            } catch (DateTimeParseException e) {
                throw impossible(value, "a date", context, "expected yyyy-mm-dd");
            }
        }
        throw impossible(value, "a date", context, null);
    }

    public static LocalTime toLocalTime(Object value, Object context) throws SQLException {
        if (value instanceof LocalTime) {
            return (LocalTime) value;
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toLocalTime();
        }
        if (value instanceof String) {
            try {
                return TemporalText.parseTime((String) value);
            } catch (DateTimeParseException e) {
                throw impossible(value, "a time", context, "expected hh:mm:ss[.fraction]");
            }
        }
        throw impossible(value, "a time", context, null);
    }

    public static LocalDateTime toLocalDateTime(Object value, Object context) throws SQLException {
        if (value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        if (value instanceof LocalDate) {
            return ((LocalDate) value).atStartOfDay();
        }
        if (value instanceof String) {
            try {
                return TemporalText.parseTimestamp((String) value);
            } catch (DateTimeParseException e) {
                throw impossible(value, "a timestamp", context, "expected yyyy-mm-dd hh:mm:ss[.fraction]");
            }
        }
        throw impossible(value, "a timestamp", context, null);
    }

    /** An impossible conversion (SQLSTATE 22018), e.g. a DATE read as an int. */
    public static SQLException impossible(Object value, String target, Object context, String detail) {
        return SqlExceptionFactory.create(SqlStates.INVALID_CHARACTER_VALUE_FOR_CAST,
                "cannot convert " + describe(value, context) + " to " + target + (detail == null ? "" : ": " + detail));
    }

    /** A value too large or too small for the target (SQLSTATE 22003). */
    public static SQLException outOfRange(Object value, String target, Object context) {
        return SqlExceptionFactory.create(SqlStates.NUMERIC_VALUE_OUT_OF_RANGE,
                describe(value, context) + " is out of range for " + target);
    }

    private static long truncateToLong(BigDecimal decimal, Object value, Object context) throws SQLException {
        try {
            return decimal.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(value, "long", context);
        }
    }

    private static BigDecimal parseDecimal(String text, Object value, String target, Object context)
            throws SQLException {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw impossible(value, target, context, null);
        }
    }

    private static String describe(Object value, Object context) {
        String shown;
        if (value instanceof String) {
            String text = (String) value;
            shown = "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        } else {
            shown = toText(value);
        }
        return context == null ? shown : shown + " (" + context + ")";
    }
}
