package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

import java.util.List;

/**
 * DATE_PART, DATE_TRUNC, DAYS_BETWEEN ({@code date - date}), MAKE_DATE and MAKE_TIMESTAMP on DATE (epoch days),
 * TIME and TIMESTAMP (microseconds), computed with {@link DateField}'s integer calendar arithmetic. The field or
 * unit of DATE_PART and DATE_TRUNC is a constant, so each call runs one loop for one field.
 */
final class CalendarFunctions {

    /** PostgreSQL's date range ends in 5874897 AD; Basalt's timestamps end earlier (year 294276). */
    private static final long MAX_YEAR = 294_276;

    private CalendarFunctions() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        return switch (call.function()) {
            case DATE_PART -> datePart(constantText(call, arguments.get(0)), arguments.get(1));
            case DATE_TRUNC -> dateTrunc(constantText(call, arguments.get(0)), arguments.get(1));
            case DAYS_BETWEEN -> RowKernels.longs(arguments, (vectors, row) -> daysBetween(
                    RowKernels.longValue(vectors[0], row), RowKernels.longValue(vectors[1], row)));
            case MAKE_DATE -> RowKernels.longs(arguments, (vectors, row) -> makeDate(RowKernels.longValue(vectors[0], row),
                    RowKernels.longValue(vectors[1], row), RowKernels.longValue(vectors[2], row)));
            case MAKE_TIMESTAMP -> RowKernels.longs(arguments, CalendarFunctions::makeTimestamp);
            default -> throw ExpressionErrors.notSupported("function " + call.function() + " as a calendar function");
        };
    }

    private static String constantText(Call call, Operand argument) {
        if (!argument.isConstant() || !NumericTypes.isText(argument.type())) {
            throw ExpressionErrors.notSupported(call.function() + " with a unit that is not a constant");
        }
        return (String) argument.value();
    }

    private static String typeName(LogicalType type) {
        return switch (type.kind()) {
            case TIME -> "time without time zone";
            case TIMESTAMP -> "timestamp without time zone";
            default -> type.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static CompiledExpression datePart(String unit, Operand value) {
        TypeKind kind = value.type().kind();
        if (kind != TypeKind.DATE && kind != TypeKind.TIME && kind != TypeKind.TIMESTAMP) {
            throw ExpressionErrors.notSupported("date_part of " + value.type());
        }
        DateField field = DateField.named(unit, typeName(value.type()));
        if (kind == TypeKind.TIME && !field.isTimeOfDay()) {
            throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                    "unit \"" + unit + "\" not supported for type time without time zone");
        }
        return input -> {
            ColumnVector vector = value.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            long[] x = ((LongVector) vector).values();
            double[] out = result.values();
            for (int i = 0; i < rows; i++) {
                long day = kind == TypeKind.DATE ? x[i] : kind == TypeKind.TIME ? 0 : CivilCalendar.epochDayOfMicros(x[i]);
                long micros = kind == TypeKind.DATE ? 0 : kind == TypeKind.TIME ? x[i] : CivilCalendar.microsOfDay(x[i]);
                out[i] = field.of(day, micros);
            }
            return result;
        };
    }

    /** A TIMESTAMP; a DATE argument counts as its midnight, as PostgreSQL's cast to timestamp. */
    private static CompiledExpression dateTrunc(String unit, Operand value) {
        TypeKind kind = value.type().kind();
        if (kind != TypeKind.DATE && kind != TypeKind.TIMESTAMP) {
            throw ExpressionErrors.notSupported("date_trunc of " + value.type());
        }
        DateField field = DateField.named(unit, typeName(LogicalType.TIMESTAMP));
        return input -> {
            ColumnVector vector = value.evaluate(input);
            int rows = input.rowCount();
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            long[] x = ((LongVector) vector).values();
            long[] out = result.values();
            for (int i = 0; i < rows; i++) {
                out[i] = field.truncate(kind == TypeKind.DATE ? x[i] * CivilCalendar.MICROS_PER_DAY : x[i]);
            }
            return result;
        };
    }

    private static long daysBetween(long first, long second) {
        long days = first - second;
        if (days != (int) days) {
            throw ExpressionErrors.overflow(LogicalType.INTEGER);
        }
        return days;
    }

    /** PostgreSQL's make_date: negative years are BC (-1 is 1 BC, astronomical year 0); year 0 does not exist. */
    static long makeDate(long year, long month, long day) {
        long astronomical = year < 0 ? year + 1 : year;
        if (year == 0 || Math.abs(astronomical) > MAX_YEAR || month < 1 || month > 12 || day < 1
                || day > CivilCalendar.daysInMonth(astronomical, (int) month)) {
            throw new ExecutionException(ExpressionErrors.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + pad(month) + "-" + pad(day));
        }
        return CivilCalendar.epochDay(astronomical, (int) month, (int) day);
    }

    private static long makeTimestamp(ColumnVector[] vectors, int row) {
        long day = makeDate(RowKernels.longValue(vectors[0], row), RowKernels.longValue(vectors[1], row),
                RowKernels.longValue(vectors[2], row));
        long hour = RowKernels.longValue(vectors[3], row);
        long minute = RowKernels.longValue(vectors[4], row);
        double seconds = RowKernels.doubleValue(vectors[5], row);
        // Seconds may be 60 only as 24:00:00's sibling in PostgreSQL; here, as there, 0 ≤ seconds < 60.
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !(seconds >= 0 && seconds < 60)) {
            throw new ExecutionException(ExpressionErrors.DATETIME_FIELD_OVERFLOW,
                    "time field value out of range: " + hour + ":" + pad(minute) + ":" + (seconds < 10 ? "0" : "")
                            + NumberText.formatFloatingPoint(seconds, false));
        }
        long micros = Math.round(seconds * 1e6);
        return day * CivilCalendar.MICROS_PER_DAY + hour * CivilCalendar.MICROS_PER_HOUR + minute * CivilCalendar.MICROS_PER_MINUTE
                + micros;
    }

    private static String pad(long value) {
        return value >= 0 && value < 10 ? "0" + value : Long.toString(value);
    }
}
