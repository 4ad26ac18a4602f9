package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.SortKey;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigDecimal;
import java.util.List;

/**
 * PERCENTILE_CONT and PERCENTILE_DISC (and MEDIAN, PERCENTILE_CONT at 0.5) over the one ORDER BY column, which is
 * the only stored column. As in PostgreSQL: a fraction outside [0, 1] fails with 22003 even for a group without
 * values, a NULL fraction or a group without values gives NULL; the continuous percentile interpolates linearly
 * between the values around position {@code fraction·(n−1)} and is DOUBLE, the discrete one is the first value
 * whose position reaches {@code fraction·n} and keeps the column's type.
 */
final class PercentileAccumulator extends CollectingAccumulator {

    private final boolean continuous;
    private final Double fraction;
    private final LogicalType valueType;

    PercentileAccumulator(boolean continuous, Double fraction, LogicalType valueType, List<SortKey> order,
                          MemoryReservation memory) {
        super(List.of(valueType.physicalKind()), order, memory);
        this.continuous = continuous;
        this.fraction = fraction;
        this.valueType = valueType;
    }

    @Override
    protected PhysicalKind resultKind() {
        return continuous ? PhysicalKind.DOUBLE : valueType.physicalKind();
    }

    @Override
    protected void appendResult(ColumnVector[] columns, int[] rows, int count, ColumnVector output) {
        if (fraction == null) {
            output.appendNull();
            return;
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "percentile value "
                    + BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString() + " is not between 0 and 1");
        }
        if (count == 0) {
            output.appendNull();
            return;
        }
        ColumnVector values = columns[0];
        if (!continuous) {
            int position = (int) Math.ceil(fraction * count);
            output.appendFrom(values, rows[Math.max(position, 1) - 1]);
            return;
        }
        double exact = fraction * (count - 1);
        int below = (int) Math.floor(exact);
        int above = (int) Math.ceil(exact);
        double low = number(values, rows[below]);
        double high = number(values, rows[above]);
        ((DoubleVector) output).append(low + (exact - below) * (high - low));
    }

    /** A numeric value as DOUBLE (DECIMALs scaled). */
    private double number(ColumnVector values, int row) {
        if (values instanceof DoubleVector doubles) {
            return doubles.get(row);
        }
        BigDecimal value = values instanceof LongVector longs ? BigDecimal.valueOf(longs.get(row), valueType.scale())
                : new BigDecimal(((Int128Vector) values).getBigInteger(row), valueType.scale());
        return value.doubleValue();
    }
}
