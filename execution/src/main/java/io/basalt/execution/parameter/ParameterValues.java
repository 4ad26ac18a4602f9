package io.basalt.execution.parameter;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ConstantEvaluation;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.expression.Parameter;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the Java values a client supplies for parameters into literals of the parameters' types, with the
 * rules of SQL's CAST: each value first becomes a literal of its own type (an {@code Integer} an INTEGER, a
 * {@code String} a TEXT, a {@code LocalDate} a DATE, …), which execution's CAST kernels then convert, so a bound
 * value behaves exactly as {@code CAST(value AS type)} written into the query would. Two rules differ from an
 * explicit CAST and follow SQL's assignment instead: text longer than a bounded type fails (22001) rather than
 * being cut (characters beyond the length that are all spaces are cut, as in PostgreSQL), and CHAR values lose
 * their trailing spaces (Basalt's convention for CHAR constants).
 *
 * <p>Accepted Java values: {@code null} (SQL NULL of the parameter's type), {@code Boolean}, {@code Byte}, {@code Short},
 * {@code Integer}, {@code Long}, {@code BigDecimal}, {@code Float}, {@code Double}, {@code String},
 * {@code LocalDate}, {@code LocalTime} and {@code LocalDateTime} (nanoseconds beyond the microsecond are dropped).
 * Errors name the parameter ({@code parameter $2: invalid input syntax for type INTEGER: "abc"}) and keep the
 * CAST's SQLSTATE (22P02, 22003, 22007, 22008, 22001); a value that no CAST converts (a {@code LocalDate} for an
 * INTEGER) is 42804.
 */
public final class ParameterValues {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private ParameterValues() {
    }

    /** One literal per value, of the type of the parameter in the same position. */
    public static List<Literal> toLiterals(List<?> values, List<LogicalType> types) {
        if (values.size() != types.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + types.size() + " parameters");
        }
        List<Literal> literals = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            literals.add(toLiteral(values.get(i), types.get(i), i));
        }
        return literals;
    }

    /**
     * The value of parameter {@code index} (0-based) as a literal of {@code type}.
     *
     * @throws ExecutionException when the value does not convert; the message names the parameter
     */
    public static Literal toLiteral(Object value, LogicalType type, int index) {
        if (value == null) {
            return Literal.nullOf(type);
        }
        try {
            if (isText(type)) {
                return text(value, type);
            }
            Literal own = ownType(value, type);
            if (own.type().equals(type)) {
                return own;
            }
            Literal widened = widened(own, type);
            return widened != null ? widened : cast(own, type);
        } catch (ExecutionException e) {
            throw new ExecutionException(e.sqlState(), "parameter " + Parameter.nameOf(index) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The value as a literal of its own Java type. A BigDecimal for an exact type is first rounded to that type's
     * scale (half away from zero, as CAST rounds), so that values with more digits than any DECIMAL holds still
     * convert when the target keeps fewer.
     */
    private static Literal ownType(Object value, LogicalType target) {
        if (target.kind() == TypeKind.DECIMAL && (value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte)) {
            // An integer for a DECIMAL is that decimal with zeros after the point, ready to be widened.
            return decimal(BigDecimal.valueOf(((Number) value).longValue()), target);
        }
        if (value instanceof Boolean bool) {
            return new Literal(bool, LogicalType.BOOLEAN);
        }
        if (value instanceof Integer number) {
            return new Literal(number.longValue(), LogicalType.INTEGER);
        }
        if (value instanceof Long number) {
            return new Literal(number, LogicalType.BIGINT);
        }
        if (value instanceof Short number) {
            return new Literal(number.longValue(), LogicalType.SMALLINT);
        }
        if (value instanceof Byte number) {
            return new Literal(number.longValue(), LogicalType.TINYINT);
        }
        if (value instanceof Double number) {
            return new Literal(number, LogicalType.DOUBLE);
        }
        if (value instanceof Float number) {
            return new Literal(number.doubleValue(), LogicalType.REAL);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal(decimal, target);
        }
        if (value instanceof String text) {
            return new Literal(text, LogicalType.TEXT);
        }
        if (value instanceof LocalDate date) {
            return new Literal(date.toEpochDay(), LogicalType.DATE);
        }
        if (value instanceof LocalTime time) {
            return new Literal(time.toNanoOfDay() / 1000, LogicalType.TIME);
        }
        if (value instanceof LocalDateTime timestamp) {
            return new Literal(micros(timestamp), LogicalType.TIMESTAMP);
        }
        throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                "values of Java class " + value.getClass().getName() + " are not supported");
    }

    private static Literal decimal(BigDecimal value, LogicalType target) {
        if (target.kind() == TypeKind.REAL || target.kind() == TypeKind.DOUBLE) {
            // Straight to binary floating point: one rounding, and magnitudes beyond DECIMAL(38) still convert.
            double number = value.doubleValue();
            if (Double.isInfinite(number)) {
                throw new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "value out of range for type " + target);
            }
            return new Literal(number, LogicalType.DOUBLE);
        }
        BigDecimal decimal = value;
        if (target.kind() == TypeKind.DECIMAL) {
            decimal = decimal.setScale(target.scale(), RoundingMode.HALF_UP);
        } else if (isInteger(target) && decimal.scale() > 0) {
            decimal = decimal.setScale(0, RoundingMode.HALF_UP);
        }
        if (decimal.scale() < 0) {
            decimal = decimal.setScale(0);
        }
        int precision = Math.max(decimal.precision(), decimal.scale());
        if (precision > LogicalType.MAX_DECIMAL_PRECISION) {
            throw new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "numeric field overflow: "
                    + value.toPlainString() + " does not fit " + target);
        }
        LogicalType type = LogicalType.decimal(Math.max(precision, 1), decimal.scale());
        BigInteger unscaled = decimal.unscaledValue();
        Object literal = precision > LogicalType.MAX_LONG_DECIMAL_PRECISION ? unscaled : (Object) unscaled.longValueExact();
        return new Literal(literal, type);
    }

    private static long micros(LocalDateTime timestamp) {
        try {
            long seconds = timestamp.toEpochSecond(ZoneOffset.UTC);
            return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), timestamp.getNano() / 1000);
        } catch (ArithmeticException e) {
            throw new ExecutionException(StorageErrors.DATETIME_FIELD_OVERFLOW, "TIMESTAMP out of range: " + timestamp);
        }
    }

    /**
     * The same value typed as {@code target}, when that changes nothing but the type: an integer within a wider
     * integer type's range, a DECIMAL into one of the same scale and at least its precision, a REAL as a DOUBLE.
     * Saves a CAST kernel per value on the common paths (a batch of 100,000 rows binds 800,000 values); anything
     * else, including every value that fails, goes through {@link #cast}. Null when it does not apply.
     */
    private static Literal widened(Literal value, LogicalType target) {
        LogicalType source = value.type();
        if (isInteger(source) && isInteger(target)) {
            long number = (Long) value.value();
            return number >= minimum(target) && number <= maximum(target) ? new Literal(number, target) : null;
        }
        if (source.kind() == TypeKind.DECIMAL && target.kind() == TypeKind.DECIMAL && source.scale() == target.scale()
                && source.precision() <= target.precision()) {
            BigInteger unscaled = value.value() instanceof BigInteger big ? big : BigInteger.valueOf((Long) value.value());
            boolean wide = target.precision() > LogicalType.MAX_LONG_DECIMAL_PRECISION;
            return new Literal(wide ? unscaled : (Object) unscaled.longValueExact(), target);
        }
        if (source.kind() == TypeKind.REAL && target.kind() == TypeKind.DOUBLE) {
            return new Literal(value.value(), target);
        }
        return null;
    }

    private static long minimum(LogicalType integer) {
        return switch (integer.kind()) {
            case TINYINT -> Byte.MIN_VALUE;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    private static long maximum(LogicalType integer) {
        return switch (integer.kind()) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** CAST of the literal to {@code type} by execution's kernels; a conversion CAST does not have is 42804. */
    private static Literal cast(Literal value, LogicalType type) {
        // Booleans and integers convert only by an explicit CAST in PostgreSQL, not by assigning a value.
        if ((value.type().kind() == TypeKind.BOOLEAN) != (type.kind() == TypeKind.BOOLEAN)
                && value.type().physicalKind() != PhysicalKind.BYTES && type.physicalKind() != PhysicalKind.BYTES) {
            throw mismatch(value, type, null);
        }
        Call cast = Call.of(Function.CAST, type, value);
        try {
            return ConstantEvaluation.evaluate(cast);
        } catch (ExecutionException e) {
            if (e.sqlState().equals(ExecutionException.FEATURE_NOT_SUPPORTED)) {
                throw mismatch(value, type, e);
            }
            throw e;
        }
    }

    private static ExecutionException mismatch(Literal value, LogicalType type, ExecutionException cause) {
        return new ExecutionException(StorageErrors.DATATYPE_MISMATCH, "the parameter is of type " + type
                + " and a value of type " + value.type() + " cannot be converted to it", cause);
    }

    /**
     * Text for a VARCHAR, CHAR or TEXT parameter: other values in CAST's text form; bounded lengths as SQL's
     * assignment has them (too long fails, excess spaces are cut); CHAR without trailing spaces.
     */
    private static Literal text(Object value, LogicalType type) {
        String text = value instanceof String string ? string
                : (String) cast(ownType(value, LogicalType.TEXT), LogicalType.TEXT).value();
        if (type.isBoundedLength() && text.length() > type.length()) {
            text = withinLength(text, type);
        }
        if (type.kind() == TypeKind.CHAR) {
            text = withoutTrailingSpaces(text);
        }
        return new Literal(text, type);
    }

    private static String withinLength(String text, LogicalType type) {
        int characters = text.codePointCount(0, text.length());
        if (characters <= type.length()) {
            return text;
        }
        int cut = text.offsetByCodePoints(0, type.length());
        for (int i = cut; i < text.length(); i++) {
            if (text.charAt(i) != ' ') {
                throw new ExecutionException(ExecutionException.STRING_TOO_LONG, "value too long for type " + type
                        + " (" + characters + " characters)");
            }
        }
        return text.substring(0, cut);
    }

    private static String withoutTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isText(LogicalType type) {
        return type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR;
    }

    private static boolean isInteger(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            default -> false;
        };
    }
}
