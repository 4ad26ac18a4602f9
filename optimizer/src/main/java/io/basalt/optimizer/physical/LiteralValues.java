package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Literal;
import io.basalt.optimizer.PlanningException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Constants in execution's representation ({@link Literal}'s javadoc): DATE as days, TIME and TIMESTAMP as
 * microseconds, DECIMAL as its unscaled value ({@code Long} up to 18 digits, else {@code BigInteger}), CHAR
 * without the trailing blanks Calcite pads it with (CHAR values are stored unpadded, and trailing blanks do not
 * count in CHAR comparisons).
 */
final class LiteralValues {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private LiteralValues() {
    }

    static Literal of(RexLiteral literal, LogicalType type) {
        if (literal.isNull()) {
            return Literal.nullOf(type);
        }
        // getValue() gives Calendars for datetimes; the string forms are exact.
        Object value = switch (literal.getType().getSqlTypeName()) {
            case DATE -> literal.getValueAs(DateString.class);
            case TIME -> literal.getValueAs(TimeString.class);
            case TIMESTAMP -> literal.getValueAs(TimestampString.class);
            default -> literal.getValue();
        };
        return convert(value, type).orElseThrow(() -> PlanningException.notSupported(
                "the constant " + literal + " as " + type));
    }

    /**
     * A Calcite literal value (as {@link RexLiteral#getValue()} or a Sarg holds it) as a literal of {@code type},
     * if it is exactly representable there.
     */
    static Optional<Literal> convert(Object value, LogicalType type) {
        if (value == null) {
            return Optional.of(Literal.nullOf(type));
        }
        return switch (type.kind()) {
            case BOOLEAN -> value instanceof Boolean b ? Optional.of(new Literal(b, type)) : Optional.empty();
            case TINYINT, SMALLINT, INTEGER, BIGINT -> integer(value, type);
            case DECIMAL -> decimal(value, type);
            case REAL, DOUBLE -> floatingPoint(value, type);
            case VARCHAR, CHAR -> text(value, type);
            case DATE -> value instanceof DateString date
                    ? Optional.of(new Literal((long) date.getDaysSinceEpoch(), type)) : Optional.empty();
            case TIME -> value instanceof TimeString time
                    ? Optional.of(new Literal(LocalTime.parse(time.toString()).toNanoOfDay() / 1000, type))
                    : Optional.empty();
            case TIMESTAMP -> timestamp(value, type);
        };
    }

    /** The same constant as a literal of another type, if it is exactly representable there. */
    static Optional<Literal> retype(Literal literal, LogicalType target) {
        if (literal.type().equals(target)) {
            return Optional.of(literal);
        }
        if (literal.isNull()) {
            return Optional.of(Literal.nullOf(target));
        }
        Object value = literal.value();
        LogicalType source = literal.type();
        if (isExactNumeric(source)) {
            BigDecimal number = source.kind() == TypeKind.DECIMAL ? unscaledToDecimal(value, source.scale())
                    : BigDecimal.valueOf((Long) value);
            return convert(number, target);
        }
        if (value instanceof String text && isText(target)) {
            return text(text, target);
        }
        if (source.kind() == TypeKind.DATE && target.kind() == TypeKind.TIMESTAMP) {
            return Optional.of(new Literal((Long) value * 86_400L * MICROS_PER_SECOND, target));
        }
        return Optional.empty();
    }

    private static Optional<Literal> integer(Object value, LogicalType type) {
        if (!(value instanceof BigDecimal number)) {
            return Optional.empty();
        }
        try {
            long exact = number.longValueExact();
            return fitsInteger(exact, type.kind()) ? Optional.of(new Literal(exact, type)) : Optional.empty();
        } catch (ArithmeticException notIntegral) {
            return Optional.empty();
        }
    }

    private static boolean fitsInteger(long value, TypeKind kind) {
        return switch (kind) {
            case TINYINT -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case SMALLINT -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case INTEGER -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            default -> true;
        };
    }

    private static Optional<Literal> decimal(Object value, LogicalType type) {
        if (!(value instanceof BigDecimal number)) {
            return Optional.empty();
        }
        BigDecimal scaled;
        try {
            scaled = number.setScale(type.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException inexact) {
            return Optional.empty();
        }
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()
                && scaled.compareTo(BigDecimal.ZERO) != 0) {
            return Optional.empty();
        }
        if (type.precision() <= LogicalType.MAX_LONG_DECIMAL_PRECISION) {
            return Optional.of(new Literal(scaled.unscaledValue().longValueExact(), type));
        }
        return Optional.of(new Literal(scaled.unscaledValue(), type));
    }

    /** A REAL constant is rounded to REAL's precision ({@code CAST(16777217 AS REAL)} is 16777216), as its values are. */
    private static Optional<Literal> floatingPoint(Object value, LogicalType type) {
        double number;
        if (value instanceof BigDecimal decimal) {
            number = decimal.doubleValue();
        } else if (value instanceof Double floating) {
            number = floating;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Literal(type.kind() == TypeKind.REAL ? (double) (float) number : number, type));
    }

    private static Optional<Literal> text(Object value, LogicalType type) {
        String text;
        if (value instanceof NlsString nls) {
            text = nls.getValue();
        } else if (value instanceof String string) {
            text = string;
        } else {
            return Optional.empty();
        }
        if (type.kind() == TypeKind.CHAR) {
            text = stripTrailingBlanks(text);
        }
        if (type.isBoundedLength() && text.codePointCount(0, text.length()) > type.length()) {
            return Optional.empty();
        }
        return Optional.of(new Literal(text, type));
    }

    private static Optional<Literal> timestamp(Object value, LogicalType type) {
        if (value instanceof TimestampString timestamp) {
            LocalDateTime dateTime = LocalDateTime.parse(timestamp.toString().replace(' ', 'T'));
            long seconds = dateTime.toEpochSecond(ZoneOffset.UTC);
            return Optional.of(new Literal(seconds * MICROS_PER_SECOND + dateTime.getNano() / 1000, type));
        }
        if (value instanceof DateString date) {
            return Optional.of(new Literal(date.getDaysSinceEpoch() * 86_400L * MICROS_PER_SECOND, type));
        }
        return Optional.empty();
    }

    /**
     * Calcite pads CHAR constants to their length; Basalt keeps CHAR values unpadded and compares them without
     * trailing blanks (SQL's PAD SPACE), so the blanks go.
     */
    private static String stripTrailingBlanks(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    private static BigDecimal unscaledToDecimal(Object unscaled, int scale) {
        if (unscaled instanceof Long value) {
            return BigDecimal.valueOf(value, scale);
        }
        return new BigDecimal((java.math.BigInteger) unscaled, scale);
    }

    static boolean isExactNumeric(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> true;
            default -> false;
        };
    }

    static boolean isText(LogicalType type) {
        return type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR;
    }
}
