package io.basalt.execution.expression;

import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

/** CAST between DATE and TIMESTAMP, and TIMESTAMP to TIME: whole days ↔ microseconds, floor semantics. */
final class DateTimeCasts {

    private DateTimeCasts() {
    }

    static CompiledExpression compile(Operand operand, LogicalType target) {
        TypeKind from = operand.type().kind();
        TypeKind to = target.kind();
        if (from == TypeKind.DATE && to == TypeKind.TIMESTAMP) {
            return input -> map(operand.evaluate(input), input.rowCount(), Conversion.DATE_TO_TIMESTAMP, target);
        }
        if (from == TypeKind.TIMESTAMP && to == TypeKind.DATE) {
            return input -> map(operand.evaluate(input), input.rowCount(), Conversion.TIMESTAMP_TO_DATE, target);
        }
        if (from == TypeKind.TIMESTAMP && to == TypeKind.TIME) {
            return input -> map(operand.evaluate(input), input.rowCount(), Conversion.TIMESTAMP_TO_TIME, target);
        }
        throw ExpressionErrors.notSupported("CAST from " + operand.type() + " to " + target);
    }

    private enum Conversion { DATE_TO_TIMESTAMP, TIMESTAMP_TO_DATE, TIMESTAMP_TO_TIME }

    private static ColumnVector map(ColumnVector source, int rows, Conversion conversion, LogicalType target) {
        LongVector result = new LongVector(rows);
        result.setPositionCount(rows);
        NullMasks.copy(result, source, rows);
        long[] x = ((LongVector) source).values();
        long[] out = result.values();
        switch (conversion) {
            case DATE_TO_TIMESTAMP -> {
                for (int i = 0; i < rows; i++) {
                    long days = x[i];
                    long micros = days * CivilCalendar.MICROS_PER_DAY;
                    // Overflow only for days beyond ±292,000 years, which no real date has.
                    if (Math.multiplyHigh(days, CivilCalendar.MICROS_PER_DAY) != (micros >> 63) && !result.isNull(i)) {
                        throw ExpressionErrors.dateTimeOutOfRange(target);
                    }
                    out[i] = micros;
                }
            }
            case TIMESTAMP_TO_DATE -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = Math.floorDiv(x[i], CivilCalendar.MICROS_PER_DAY);
                }
            }
            case TIMESTAMP_TO_TIME -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = Math.floorMod(x[i], CivilCalendar.MICROS_PER_DAY);
                }
            }
        }
        return result;
    }
}
