package io.basalt.optimizer.rules;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds constant expressions at planning time for Calcite's expression-reducing rules, so that
 * {@code DATE '1998-12-01' - INTERVAL '90' DAY} reaches the scan as the date it is (and zone maps can use it).
 * Calcite's own executor compiles Java code for every reduction (slow, and its results follow Java, not Basalt's
 * rules); this one evaluates the few kinds of constants queries are made of, exactly as the executor would:
 * exact arithmetic (DECIMAL results rounded half away from zero), date and timestamp plus or minus intervals
 * (months clamp to the month's last day), and casts of literals to numbers, dates and timestamps. Anything else,
 * and anything that would fail (division by zero, a bad date, an overflow), stays as it is for the executor to
 * evaluate or report.
 */
public final class ConstantExpressionEvaluator implements RexExecutor {

    public static final ConstantExpressionEvaluator INSTANCE = new ConstantExpressionEvaluator();

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private static final Set<SqlKind> FOLDED_KINDS = EnumSet.of(SqlKind.CAST, SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES,
            SqlKind.DIVIDE, SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX);
    /** Text an integer type accepts as PostgreSQL does: no fraction, no exponent ({@code '1.5'::int} is an error). */
    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+");

    /** SQL NULL among evaluated values. */
    private static final Object NULL = new Object();

    /** An interval value: months for year-month intervals, milliseconds for day-time ones (Calcite's units). */
    private record Interval(BigDecimal amount, boolean months) {
    }

    private ConstantExpressionEvaluator() {
    }

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constants, List<RexNode> reduced) {
        for (RexNode constant : constants) {
            reduced.add(evaluate(constant).flatMap(value -> literal(rexBuilder, value, constant.getType()))
                    .orElse(constant));
        }
    }

    private static Optional<Object> evaluate(RexNode node) {
        if (node instanceof RexLiteral literal) {
            return valueOf(literal);
        }
        if (!(node instanceof RexCall call) || !isFolded(call)) {
            return Optional.empty();
        }
        Object[] arguments = new Object[call.getOperands().size()];
        for (int i = 0; i < arguments.length; i++) {
            Optional<Object> argument = evaluate(call.getOperands().get(i));
            if (argument.isEmpty()) {
                return Optional.empty();
            }
            arguments[i] = argument.get();
        }
        for (Object argument : arguments) {
            if (argument == NULL) {
                // Every operation folded here is strict (isFolded); IS NULL, COALESCE, CASE, AND, OR are not.
                return Optional.of(NULL);
            }
        }
        RelDataType type = call.getType();
        try {
            if (call.getOperator() == SqlLibraryOperators.DATE && arguments.length == 1
                    && arguments[0] instanceof String text) {
                return Optional.of(LocalDate.parse(text.trim()));
            }
            return switch (call.getKind()) {
                case CAST -> cast(arguments[0], type);
                case PLUS -> plus(arguments[0], arguments[1], 1);
                case MINUS -> plus(arguments[0], arguments[1], -1);
                case TIMES -> times(arguments[0], arguments[1]);
                case DIVIDE -> divide(arguments[0], arguments[1], type);
                case MINUS_PREFIX -> negate(arguments[0]);
                case PLUS_PREFIX -> Optional.of(arguments[0]);
                default -> Optional.empty();
            };
        } catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The calls this evaluator folds: all of them return NULL for a NULL argument. */
    private static boolean isFolded(RexCall call) {
        return call.getOperator() == SqlLibraryOperators.DATE || FOLDED_KINDS.contains(call.getKind());
    }

    private static Optional<Object> valueOf(RexLiteral literal) {
        if (literal.isNull()) {
            return Optional.of(NULL);
        }
        SqlTypeName typeName = literal.getType().getSqlTypeName();
        if (SqlTypeUtil.isExactNumeric(literal.getType())) {
            return Optional.ofNullable(literal.getValueAs(BigDecimal.class));
        }
        if (SqlTypeUtil.isCharacter(literal.getType())) {
            return Optional.ofNullable(literal.getValueAs(String.class));
        }
        if (typeName == SqlTypeName.DATE) {
            DateString date = literal.getValueAs(DateString.class);
            return date == null ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(date.getDaysSinceEpoch()));
        }
        if (typeName == SqlTypeName.TIMESTAMP) {
            TimestampString timestamp = literal.getValueAs(TimestampString.class);
            return timestamp == null ? Optional.empty()
                    : Optional.of(LocalDateTime.parse(timestamp.toString().replace(' ', 'T')));
        }
        if (SqlTypeUtil.isInterval(literal.getType())) {
            BigDecimal amount = literal.getValueAs(BigDecimal.class);
            boolean months = literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
            return amount == null ? Optional.empty() : Optional.of(new Interval(amount, months));
        }
        return Optional.empty();
    }

    private static Optional<Object> cast(Object value, RelDataType type) {
        if (SqlTypeUtil.isExactNumeric(type)) {
            if (value instanceof BigDecimal number) {
                return Optional.of(number);
            }
            if (value instanceof String text) {
                String trimmed = text.trim();
                boolean integerType = type.getSqlTypeName() != SqlTypeName.DECIMAL;
                // Text an integer type refuses is left for the executor to report.
                return integerType && !INTEGER_TEXT.matcher(trimmed).matches() ? Optional.empty()
                        : Optional.of(new BigDecimal(trimmed));
            }
            return Optional.empty();
        }
        return switch (type.getSqlTypeName()) {
            case DATE -> value instanceof LocalDate ? Optional.of(value)
                    : value instanceof String text ? Optional.of(LocalDate.parse(text.trim())) : Optional.empty();
            case TIMESTAMP -> {
                if (value instanceof LocalDateTime) {
                    yield Optional.of(value);
                }
                if (value instanceof LocalDate date) {
                    yield Optional.of(date.atStartOfDay());
                }
                if (value instanceof String text) {
                    String trimmed = text.trim();
                    yield Optional.of(trimmed.length() <= 10 ? LocalDate.parse(trimmed).atStartOfDay()
                            : LocalDateTime.parse(trimmed.replace(' ', 'T')));
                }
                yield Optional.empty();
            }
            case CHAR, VARCHAR -> value instanceof String text
                    && (type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED || text.length() <= type.getPrecision())
                    ? Optional.of(text) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Object> plus(Object left, Object right, int sign) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return Optional.of(sign > 0 ? a.add(b) : a.subtract(b));
        }
        if (right instanceof Interval interval) {
            return shift(left, interval, sign);
        }
        if (left instanceof Interval interval && sign > 0) {
            return shift(right, interval, 1);
        }
        return Optional.empty();
    }

    private static Optional<Object> shift(Object datetime, Interval interval, int sign) {
        BigDecimal amount = sign > 0 ? interval.amount() : interval.amount().negate();
        if (interval.months()) {
            long months = amount.longValueExact();
            if (datetime instanceof LocalDate date) {
                return Optional.of(date.plusMonths(months));
            }
            if (datetime instanceof LocalDateTime timestamp) {
                return Optional.of(timestamp.plusMonths(months));
            }
            return Optional.empty();
        }
        long millis = amount.longValueExact();
        if (datetime instanceof LocalDate date && millis % MILLIS_PER_DAY == 0) {
            return Optional.of(date.plusDays(millis / MILLIS_PER_DAY));
        }
        if (datetime instanceof LocalDateTime timestamp) {
            return Optional.of(timestamp.plus(millis, ChronoUnit.MILLIS));
        }
        return Optional.empty();
    }

    private static Optional<Object> times(Object left, Object right) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return Optional.of(a.multiply(b));
        }
        if (left instanceof Interval interval && right instanceof BigDecimal factor) {
            return Optional.of(new Interval(interval.amount().multiply(factor), interval.months()));
        }
        if (left instanceof BigDecimal factor && right instanceof Interval interval) {
            return Optional.of(new Interval(interval.amount().multiply(factor), interval.months()));
        }
        return Optional.empty();
    }

    private static Optional<Object> divide(Object left, Object right, RelDataType type) {
        if (!(left instanceof BigDecimal a) || !(right instanceof BigDecimal b) || b.signum() == 0) {
            return Optional.empty();
        }
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return Optional.of(a.divide(b, type.getScale(), RoundingMode.HALF_UP));
        }
        if (SqlTypeUtil.isExactNumeric(type)) {
            // Integer division truncates toward zero.
            return Optional.of(a.divide(b, 0, RoundingMode.DOWN));
        }
        return Optional.empty();
    }

    private static Optional<Object> negate(Object value) {
        if (value instanceof BigDecimal number) {
            return Optional.of(number.negate());
        }
        if (value instanceof Interval interval) {
            return Optional.of(new Interval(interval.amount().negate(), interval.months()));
        }
        return Optional.empty();
    }

    /** The value as a literal of exactly {@code type}, if it is representable there. */
    private static Optional<RexNode> literal(RexBuilder rexBuilder, Object value, RelDataType type) {
        if (value == NULL) {
            return Optional.of(rexBuilder.makeNullLiteral(type));
        }
        if (value instanceof BigDecimal number && SqlTypeUtil.isExactNumeric(type)) {
            BigDecimal scaled = number.setScale(Math.max(type.getScale(), 0), RoundingMode.HALF_UP);
            if (type.getSqlTypeName() == SqlTypeName.DECIMAL && scaled.precision() - scaled.scale() > type.getPrecision() - type.getScale()) {
                return Optional.empty();
            }
            if (type.getSqlTypeName() != SqlTypeName.DECIMAL && !fitsInteger(scaled, type.getSqlTypeName())) {
                return Optional.empty();
            }
            return Optional.of(rexBuilder.makeLiteral(scaled, type, true));
        }
        if (value instanceof LocalDate date && type.getSqlTypeName() == SqlTypeName.DATE) {
            return Optional.of(rexBuilder.makeLiteral(DateString.fromDaysSinceEpoch((int) date.toEpochDay()), type, true));
        }
        if (value instanceof LocalDateTime timestamp && type.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            TimestampString string = new TimestampString(timestamp.getYear(), timestamp.getMonthValue(),
                    timestamp.getDayOfMonth(), timestamp.getHour(), timestamp.getMinute(), timestamp.getSecond())
                    .withNanos(timestamp.getNano());
            return Optional.of(rexBuilder.makeLiteral(string, type, true));
        }
        if (value instanceof String text && SqlTypeUtil.isCharacter(type)) {
            return Optional.of(rexBuilder.makeLiteral(text, type, true));
        }
        return Optional.empty();
    }

    private static boolean fitsInteger(BigDecimal value, SqlTypeName typeName) {
        long min;
        long max;
        switch (typeName) {
            case TINYINT -> {
                min = Byte.MIN_VALUE;
                max = Byte.MAX_VALUE;
            }
            case SMALLINT -> {
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
            }
            case INTEGER -> {
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
            }
            default -> {
                min = Long.MIN_VALUE;
                max = Long.MAX_VALUE;
            }
        }
        return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
}
