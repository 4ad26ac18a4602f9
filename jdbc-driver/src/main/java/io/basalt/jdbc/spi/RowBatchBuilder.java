package io.basalt.jdbc.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ResultBatch} row by row from Java values, for results that are small and computed
 * whole (SHOW, DESCRIBE, metadata answers, tests). Values per type: {@link Boolean}; any integral
 * {@link Number} for TINYINT..BIGINT; {@link BigDecimal} (or an integral Number) for DECIMAL, which must
 * fit the column's scale exactly; any {@link Number} for REAL/FLOAT/DOUBLE; {@link String} for CHAR/VARCHAR;
 * {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime} for DATE, TIME, TIMESTAMP; {@code null} for
 * NULL. Anything else is refused with an {@link IllegalArgumentException}.
 */
public final class RowBatchBuilder {

    private final List<ColumnDescriptor> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public RowBatchBuilder(List<ColumnDescriptor> columns) {
        this.columns = new ArrayList<>(columns);
    }

    /** Appends one row; {@code values} has one entry per column. */
    public RowBatchBuilder addRow(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row needs " + columns.size() + " values, got " + values.length);
        }
        rows.add(values.clone());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public ResultBatch build() {
        List<BatchColumn> built = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            built.add(buildColumn(c));
        }
        return new ResultBatch(rows.size(), built);
    }

    private BatchColumn buildColumn(int c) {
        ColumnDescriptor column = columns.get(c);
        int count = rows.size();
        boolean[] nulls = new boolean[count];
        boolean anyNull = false;
        for (int r = 0; r < count; r++) {
            nulls[r] = rows.get(r)[c] == null;
            anyNull |= nulls[r];
        }
        boolean[] mask = anyNull ? nulls : null;
        switch (column.type()) {
            case NULL:
                if (!allTrue(nulls)) {
                    throw new IllegalArgumentException("column " + column + " is of type NULL but has values");
                }
                return new NullColumn();
            case BOOLEAN: {
                boolean[] values = new boolean[count];
                for (int r = 0; r < count; r++) {
                    values[r] = !nulls[r] && value(r, c, Boolean.class);
                }
                return new BooleanColumn(values, mask);
            }
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DATE:
            case TIME:
            case TIMESTAMP: {
                long[] values = new long[count];
                for (int r = 0; r < count; r++) {
                    values[r] = nulls[r] ? 0 : encodeLong(column, r, c);
                }
                return new LongColumn(values, mask);
            }
            case REAL:
            case FLOAT:
            case DOUBLE: {
                double[] values = new double[count];
                for (int r = 0; r < count; r++) {
                    values[r] = nulls[r] ? 0 : value(r, c, Number.class).doubleValue();
                }
                return new DoubleColumn(values, mask);
            }
            case DECIMAL:
            case NUMERIC:
                return buildDecimal(column, c, mask);
            case CHAR:
            case VARCHAR: {
                String[] values = new String[count];
                for (int r = 0; r < count; r++) {
                    values[r] = nulls[r] ? null : value(r, c, String.class);
                }
                return TextColumn.of(values);
            }
            default:
                throw new IllegalStateException("unhandled type " + column.type());
        }
    }

    private long encodeLong(ColumnDescriptor column, int r, int c) {
        switch (column.type()) {
            case DATE:
                return TemporalValues.epochDay(value(r, c, LocalDate.class));
            case TIME:
                return TemporalValues.microsOfDay(value(r, c, LocalTime.class));
            case TIMESTAMP:
                return TemporalValues.epochMicros(value(r, c, LocalDateTime.class));
            default:
                Number number = value(r, c, Number.class);
                if (!(number instanceof Long || number instanceof Integer || number instanceof Short
                        || number instanceof Byte)) {
                    throw new IllegalArgumentException("row " + (r + 1) + ", column " + column
                            + ": an integer type needs Long, Integer, Short or Byte, got " + number.getClass().getName());
                }
                return number.longValue();
        }
    }

    private BatchColumn buildDecimal(ColumnDescriptor column, int c, boolean[] mask) {
        int count = rows.size();
        BigInteger[] unscaled = new BigInteger[count];
        for (int r = 0; r < count; r++) {
            if (rows.get(r)[c] == null) {
                unscaled[r] = BigInteger.ZERO;
                continue;
            }
            Number number = value(r, c, Number.class);
            BigDecimal decimal = number instanceof BigDecimal ? (BigDecimal) number : new BigDecimal(number.toString());
            try {
                unscaled[r] = decimal.setScale(column.scale(), RoundingMode.UNNECESSARY).unscaledValue();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("row " + (r + 1) + ", column " + column + ": " + decimal
                        + " has more fraction digits than the scale " + column.scale(), e);
            }
        }
        if (column.precision() <= 18) {
            long[] values = new long[count];
            for (int r = 0; r < count; r++) {
                values[r] = unscaled[r].longValueExact();
            }
            return new DecimalColumn(values, column.scale(), mask);
        }
        long[] high = new long[count];
        long[] low = new long[count];
        for (int r = 0; r < count; r++) {
            high[r] = WideDecimalColumn.highWord(unscaled[r]);
            low[r] = WideDecimalColumn.lowWord(unscaled[r]);
        }
        return new WideDecimalColumn(high, low, column.scale(), mask);
    }

    private <T> T value(int r, int c, Class<T> type) {
        Object value = rows.get(r)[c];
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("row " + (r + 1) + ", column " + columns.get(c) + ": expected "
                    + type.getSimpleName() + ", got " + value.getClass().getName());
        }
        return type.cast(value);
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean flag : flags) {
            if (!flag) {
                return false;
            }
        }
        return true;
    }
}
