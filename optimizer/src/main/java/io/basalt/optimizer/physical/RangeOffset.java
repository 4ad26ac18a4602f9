package io.basalt.optimizer.physical;

import io.basalt.execution.plan.WindowFrame.FrameBound;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.TypeMapping;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A RANGE frame bound with an offset ({@code RANGE BETWEEN 3 PRECEDING …}, {@code INTERVAL '1' DAY FOLLOWING}) with the
 * offset in the units of the ORDER BY key's stored long, as {@code WindowFrame} wants it: integers as they are, a
 * DECIMAL's unscaled value, days of a DATE, microseconds of a TIMESTAMP or TIME; a DOUBLE or REAL key's as a double. An offset between two key values is rounded
 * so the frame stays exact: keys are whole units, so "key ≥ v − 1.5" is "key ≥ v − 1" (down, for a start
 * PRECEDING or an end FOLLOWING: the side away from the current row) and "key ≤ v − 1.5" is "key ≤ v − 2" (up).
 */
final class RangeOffset {

    private static final BigDecimal MILLIS_PER_DAY = BigDecimal.valueOf(86_400_000L);
    private static final BigDecimal MICROS_PER_MILLI = BigDecimal.valueOf(1_000L);

    private RangeOffset() {
    }

    /** The bound {@code offset PRECEDING} ({@code preceding}) or {@code offset FOLLOWING}, as a frame start or end. */
    static FrameBound bound(Window window, Window.Group group, RexNode offset, boolean preceding, boolean start) {
        if (group.orderKeys.getFieldCollations().size() != 1) {
            throw new PlanningException("42P20", "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
        }
        RelFieldCollation key = group.orderKeys.getFieldCollations().get(0);
        LogicalType keyType = TypeMapping.toBasalt(window.getInput().getRowType().getFieldList()
                .get(key.getFieldIndex()).getType());
        if (!(offset instanceof RexLiteral literal) || literal.getValueAs(BigDecimal.class) == null) {
            throw PlanningException.notSupported("a RANGE frame offset that is not a constant");
        }
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value.signum() < 0) {
            throw new PlanningException("22013", "invalid preceding or following size in window function");
        }
        boolean interval = literal.getType().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME;
        if (literal.getType().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            throw PlanningException.notSupported("RANGE frame offsets in months or years");
        }
        if (keyType.kind() == TypeKind.DOUBLE || keyType.kind() == TypeKind.REAL) {
            return FrameBound.real(preceding, numeric(value, interval, keyType).doubleValue());
        }
        // A start PRECEDING or an end FOLLOWING lies away from the current row: rounded down, else up.
        boolean awayFromCurrentRow = start == preceding;
        RoundingMode rounding = awayFromCurrentRow ? RoundingMode.FLOOR : RoundingMode.CEILING;
        BigDecimal units;
        switch (keyType.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> units = numeric(value, interval, keyType);
            case DECIMAL -> {
                if (keyType.physicalKind() != PhysicalKind.LONG) {
                    throw PlanningException.notSupported("RANGE frame offsets over DECIMAL keys of more than 18 digits");
                }
                units = numeric(value, interval, keyType).movePointRight(keyType.scale());
            }
            // Calcite gives a day-time interval in milliseconds. Days are rounded the same way already: a fraction of a
            // day stays a fraction at 12 digits (a millisecond is about 1e-8 days).
            case DATE -> units = datetime(value, interval, keyType).divide(MILLIS_PER_DAY, 12, rounding);
            case TIMESTAMP, TIME -> units = datetime(value, interval, keyType).multiply(MICROS_PER_MILLI);
            default -> throw PlanningException.notSupported("RANGE frame offsets over an ORDER BY key of type " + keyType);
        }
        BigDecimal rounded = units.setScale(0, rounding);
        // Beyond every key anyway: saturate rather than overflow.
        long distance = rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : rounded.longValueExact();
        return preceding ? FrameBound.preceding(distance) : FrameBound.following(distance);
    }

    private static BigDecimal numeric(BigDecimal value, boolean interval, LogicalType keyType) {
        if (interval) {
            throw mismatch(keyType, "an interval");
        }
        return value;
    }

    private static BigDecimal datetime(BigDecimal value, boolean interval, LogicalType keyType) {
        if (!interval) {
            throw mismatch(keyType, "a number");
        }
        return value;
    }

    private static PlanningException mismatch(LogicalType keyType, String offset) {
        return new PlanningException("42883", "RANGE with offset PRECEDING/FOLLOWING is not supported for column type "
                + keyType + " and offset " + offset);
    }
}
