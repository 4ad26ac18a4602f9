package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * DATE_PART, DATE_TRUNC, DAYS_BETWEEN ({@code date - date}), MAKE_DATE and MAKE_TIMESTAMP on DATE (epoch days),
 * TIME and TIMESTAMP (microseconds), computed with {@link DateField}'s integer calendar arithmetic. The field or
 * unit of DATE_PART and DATE_TRUNC is looked up once when constant (as it nearly always is), else once per distinct
 * text.
 */
final class CalendarFunctions {

    /** PostgreSQL's date range ends in 5874897 AD; Basalt's timestamps end earlier (year 294276). */
    private static final long MAX_YEAR = 294_276;

    private CalendarFunctions() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        return switch (call.function()) {
            case DATE_PART -> datePart(arguments.get(0), arguments.get(1));
            case DATE_TRUNC -> dateTrunc(arguments.get(0), arguments.get(1));
            case DAYS_BETWEEN -> RowKernels.longs(arguments, (vectors, row) -> daysBetween(
                    RowKernels.longValue(vectors[0], row), RowKernels.longValue(vectors[1], row)));
            case MAKE_DATE -> RowKernels.longs(arguments, (vectors, row) -> makeDate(RowKernels.longValue(vectors[0], row),
                    RowKernels.longValue(vectors[1], row), RowKernels.longValue(vectors[2], row)));
            case MAKE_TIMESTAMP -> RowKernels.longs(arguments, CalendarFunctions::makeTimestamp);
            default -> throw ExpressionErrors.notSupported("function " + call.function() + " as a calendar function");
        };
    }

    private static String typeName(LogicalType type) {
        return switch (type.kind()) {
            case TIME -> "time without time zone";
            case TIMESTAMP -> "timestamp without time zone";
            default -> type.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Reads the field a unit names, checking that the value's type has it. */
    private interface FieldLookup {
        DateField field(ColumnVector units, int row);
    }

    /**
     * The field of each row: one lookup for a constant unit (the common case, one loop for one field), else one per
     * distinct unit text.
     */
    private static FieldLookup fields(Operand unit, LogicalType valueType, boolean truncation) {
        if (!NumericTypes.isText(unit.type())) {
            throw ExpressionErrors.notSupported((truncation ? "date_trunc" : "date_part") + " with a " + unit.type() + " unit");
        }
        String typeName = typeName(truncation ? LogicalType.TIMESTAMP : valueType);
        KernelCache<DateField> named = new KernelCache<>(text -> {
            DateField field = DateField.named(text, typeName);
            if (valueType.kind() == TypeKind.TIME && !field.isTimeOfDay()) {
                throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                        "unit \"" + text + "\" not supported for type time without time zone");
            }
            return field;
        });
        if (unit.isConstant()) {
            DateField field = named.get((String) unit.value());
            return (units, row) -> field;
        }
        return (units, row) -> named.get(RowKernels.string(units, row));
    }

    private static CompiledExpression datePart(Operand unit, Operand value) {
        TypeKind kind = value.type().kind();
        if (kind != TypeKind.DATE && kind != TypeKind.TIME && kind != TypeKind.TIMESTAMP) {
            throw ExpressionErrors.notSupported("date_part of " + value.type());
        }
        FieldLookup fields = fields(unit, value.type(), false);
        return RowKernels.doubles(List.of(unit, value), (vectors, row) -> {
            long x = RowKernels.longValue(vectors[1], row);
            long day = kind == TypeKind.DATE ? x : kind == TypeKind.TIME ? 0 : CivilCalendar.epochDayOfMicros(x);
            long micros = kind == TypeKind.DATE ? 0 : kind == TypeKind.TIME ? x : CivilCalendar.microsOfDay(x);
            return fields.field(vectors[0], row).of(day, micros);
        });
    }

    /** A TIMESTAMP; a DATE argument counts as its midnight, as PostgreSQL's cast to timestamp. */
    private static CompiledExpression dateTrunc(Operand unit, Operand value) {
        TypeKind kind = value.type().kind();
        if (kind != TypeKind.DATE && kind != TypeKind.TIMESTAMP) {
            throw ExpressionErrors.notSupported("date_trunc of " + value.type());
        }
        FieldLookup fields = fields(unit, value.type(), true);
        return RowKernels.longs(List.of(unit, value), (vectors, row) -> {
            long x = RowKernels.longValue(vectors[1], row);
            return fields.field(vectors[0], row).truncate(kind == TypeKind.DATE ? x * CivilCalendar.MICROS_PER_DAY : x);
        });
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
        // As PostgreSQL: 0 ≤ seconds ≤ 60 (a leap second rolls over), and 24:00:00 is the next day's midnight.
        boolean midnight = hour == 24 && minute == 0 && seconds == 0;
        if (!midnight && (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !(seconds >= 0 && seconds <= 60))) {
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
