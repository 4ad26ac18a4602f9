package io.basalt.execution.expression;

import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;


/**
 * EXTRACT_*, ADD_DAYS, ADD_MONTHS and ADD_MICROSECONDS on DATE (days), TIME and TIMESTAMP (microseconds),
 * with {@link CivilCalendar}'s integer arithmetic instead of {@code java.time} objects per row. Results
 * outside the representable range are 22008, as PostgreSQL's "date out of range".
 */
final class DateTimeFunctions {

    /** Years beyond this are refused before any arithmetic could overflow. */
    private static final long MAX_YEAR = 100_000_000L;
    /** Dates are kept within ±MAX_YEAR years so that calendar arithmetic on them cannot overflow. */
    private static final long MAX_DAYS = MAX_YEAR * 366;

    private DateTimeFunctions() {
    }

    static CompiledExpression extract(Function field, LogicalType type, Operand operand) {
        TypeKind source = operand.type().kind();
        if (field == Function.EXTRACT_EPOCH && (source == TypeKind.DATE || source == TypeKind.TIME || source == TypeKind.TIMESTAMP)) {
            return epochSeconds(type, operand);
        }
        boolean timeField = field == Function.EXTRACT_HOUR || field == Function.EXTRACT_MINUTE || field == Function.EXTRACT_SECOND;
        if (source == TypeKind.TIME && !timeField) {
            throw ExpressionErrors.notSupported(field + " of TIME");
        }
        if (source != TypeKind.DATE && source != TypeKind.TIME && source != TypeKind.TIMESTAMP) {
            throw ExpressionErrors.notSupported(field + " of " + operand.type());
        }
        if (field == Function.EXTRACT_SECOND && type.kind() != TypeKind.BIGINT && !NumericTypes.isInteger(type)) {
            return fractionalSeconds(type, operand);
        }
        if (!NumericTypes.isInteger(type)) {
            throw ExpressionErrors.notSupported(field + " as " + type);
        }
        boolean dateField = !timeField;
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            long[] x = ((LongVector) vector).values();
            long[] out = result.values();
            if (source == TypeKind.DATE) {
                if (dateField) {
                    dateField(field, x, out, rows);
                } else {
                    java.util.Arrays.fill(out, 0, rows, 0L); // a date is at midnight
                }
            } else if (source == TypeKind.TIME) {
                timeField(field, x, out, rows);
            } else if (dateField) {
                long[] days = new long[rows];
                for (int i = 0; i < rows; i++) {
                    days[i] = CivilCalendar.epochDayOfMicros(x[i]);
                }
                dateField(field, days, out, rows);
            } else {
                long[] micros = new long[rows];
                for (int i = 0; i < rows; i++) {
                    micros[i] = CivilCalendar.microsOfDay(x[i]);
                }
                timeField(field, micros, out, rows);
            }
            return result;
        };
    }

    /** One loop per field over epoch days. */
    private static void dateField(Function field, long[] days, long[] out, int rows) {
        switch (field) {
            case EXTRACT_YEAR -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = CivilCalendar.year(CivilCalendar.civil(days[i]));
                }
            }
            case EXTRACT_QUARTER -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = (CivilCalendar.month(CivilCalendar.civil(days[i])) + 2) / 3;
                }
            }
            case EXTRACT_MONTH -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = CivilCalendar.month(CivilCalendar.civil(days[i]));
                }
            }
            case EXTRACT_DAY -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = CivilCalendar.day(CivilCalendar.civil(days[i]));
                }
            }
            case EXTRACT_DAY_OF_WEEK -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = CivilCalendar.dayOfWeek(days[i]);
                }
            }
            default -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = CivilCalendar.dayOfYear(days[i]);
                }
            }
        }
    }

    /** One loop per field over microseconds since midnight. */
    private static void timeField(Function field, long[] micros, long[] out, int rows) {
        long divisor = field == Function.EXTRACT_HOUR ? CivilCalendar.MICROS_PER_HOUR
                : field == Function.EXTRACT_MINUTE ? CivilCalendar.MICROS_PER_MINUTE : CivilCalendar.MICROS_PER_SECOND;
        long modulus = field == Function.EXTRACT_HOUR ? Long.MAX_VALUE : 60;
        for (int i = 0; i < rows; i++) {
            out[i] = micros[i] / divisor % modulus;
        }
    }

    /** Seconds with their fraction: a DECIMAL at the call's scale (microseconds are scale 6) or a DOUBLE. */
    private static CompiledExpression fractionalSeconds(LogicalType type, Operand operand) {
        boolean date = operand.type().kind() == TypeKind.DATE;
        if (NumericTypes.isFloatingPoint(type)) {
            return input -> {
                ColumnVector vector = operand.evaluate(input);
                int rows = input.rowCount();
                DoubleVector result = new DoubleVector(rows);
                result.setPositionCount(rows);
                NullMasks.copy(result, vector, rows);
                long[] x = ((LongVector) vector).values();
                double[] out = result.values();
                for (int i = 0; i < rows; i++) {
                    out[i] = date ? 0 : Math.floorMod(x[i], CivilCalendar.MICROS_PER_MINUTE) / 1e6;
                }
                return result;
            };
        }
        if (!NumericTypes.isDecimal(type) || type.physicalKind() != PhysicalKind.LONG) {
            throw ExpressionErrors.notSupported("EXTRACT_SECOND as " + type);
        }
        int scale = type.scale();
        return LongUnaryKernel.of(operand,
                value -> microsAtScale(date ? 0 : Math.floorMod(value, CivilCalendar.MICROS_PER_MINUTE), scale));
    }

    /**
     * Seconds since the epoch as a DECIMAL at the call's scale: a TIMESTAMP's (or TIME's) microseconds are those
     * seconds at scale 6 already, a DATE's days are whole days of seconds.
     */
    private static CompiledExpression epochSeconds(LogicalType type, Operand operand) {
        if (!NumericTypes.isDecimal(type) || type.physicalKind() != PhysicalKind.LONG) {
            throw ExpressionErrors.notSupported("EXTRACT_EPOCH as " + type);
        }
        boolean date = operand.type().kind() == TypeKind.DATE;
        int scale = type.scale();
        return LongUnaryKernel.of(operand,
                value -> microsAtScale(date ? value * CivilCalendar.MICROS_PER_DAY : value, scale));
    }

    /** Microseconds as a DECIMAL's unscaled value at {@code scale}, rounded half away from zero below 6. */
    private static long microsAtScale(long micros, int scale) {
        return scale >= 6 ? micros * PowersOfTen.longValue(scale - 6)
                : LongMath.divideRoundHalfAway(micros, PowersOfTen.longValue(6 - scale));
    }

    /** {@code ADD_DAYS(date or timestamp, days)}. */
    static CompiledExpression addDays(LogicalType type, Operand value, Operand days) {
        boolean timestamp = value.type().kind() == TypeKind.TIMESTAMP;
        return binary(value, days, type, (x, y, out, result, rows) -> {
            for (int i = 0; i < rows; i++) {
                try {
                    out[i] = timestamp ? Math.addExact(x[i], Math.multiplyExact(y[i], CivilCalendar.MICROS_PER_DAY))
                            : Math.addExact(x[i], y[i]);
                    if (!timestamp && Math.abs(out[i]) > MAX_DAYS) {
                        failUnlessNull(result, i, type);
                    }
                } catch (ArithmeticException overflow) {
                    failUnlessNull(result, i, type);
                }
            }
        });
    }

    /** {@code ADD_MICROSECONDS(timestamp or time, micros)}: a TIME wraps around midnight, as PostgreSQL's. */
    static CompiledExpression addMicroseconds(LogicalType type, Operand value, Operand micros) {
        boolean time = value.type().kind() == TypeKind.TIME;
        return binary(value, micros, type, (x, y, out, result, rows) -> {
            for (int i = 0; i < rows; i++) {
                if (time) {
                    out[i] = Math.floorMod(x[i] + Math.floorMod(y[i], CivilCalendar.MICROS_PER_DAY), CivilCalendar.MICROS_PER_DAY);
                    continue;
                }
                try {
                    out[i] = Math.addExact(x[i], y[i]);
                } catch (ArithmeticException overflow) {
                    failUnlessNull(result, i, type);
                }
            }
        });
    }

    /**
     * {@code ADD_MONTHS(date or timestamp, months)}: the same day of the target month, clamped to its last
     * day (January 31 plus one month is February 28 or 29); a timestamp keeps its time of day.
     */
    static CompiledExpression addMonths(LogicalType type, Operand value, Operand months) {
        boolean timestamp = value.type().kind() == TypeKind.TIMESTAMP;
        return binary(value, months, type, (x, y, out, result, rows) -> {
            for (int i = 0; i < rows; i++) {
                long day = timestamp ? CivilCalendar.epochDayOfMicros(x[i]) : x[i];
                long civil = CivilCalendar.civil(day);
                long monthIndex = CivilCalendar.year(civil) * 12 + CivilCalendar.month(civil) - 1;
                long shifted = monthIndex + y[i];
                long year = Math.floorDiv(shifted, 12);
                if (Math.abs(y[i]) > MAX_YEAR * 12 || Math.abs(year) > MAX_YEAR) {
                    failUnlessNull(result, i, type);
                    continue;
                }
                int month = Math.floorMod(shifted, 12) + 1;
                int dayOfMonth = Math.min(CivilCalendar.day(civil), CivilCalendar.daysInMonth(year, month));
                long newDay = CivilCalendar.epochDay(year, month, dayOfMonth);
                if (!timestamp) {
                    out[i] = newDay;
                    continue;
                }
                try {
                    out[i] = Math.addExact(Math.multiplyExact(newDay, CivilCalendar.MICROS_PER_DAY), CivilCalendar.microsOfDay(x[i]));
                } catch (ArithmeticException overflow) {
                    failUnlessNull(result, i, type);
                }
            }
        });
    }

    private interface LongKernel {
        void apply(long[] x, long[] y, long[] out, LongVector result, int rows);
    }

    private static CompiledExpression binary(Operand left, Operand right, LogicalType type, LongKernel kernel) {
        return input -> {
            ColumnVector a = left.evaluate(input);
            ColumnVector b = right.evaluate(input);
            int rows = input.rowCount();
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.union(result, a, b, rows);
            kernel.apply(((LongVector) a).values(), ((LongVector) b).values(), result.values(), result, rows);
            return result;
        };
    }

    private static void failUnlessNull(LongVector result, int row, LogicalType type) {
        if (!result.isNull(row)) {
            throw ExpressionErrors.dateTimeOutOfRange(type);
        }
    }
}
