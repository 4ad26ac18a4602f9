package io.basalt.jdbc.spi;

/**
 * One {@code long} per row: the integer of TINYINT, SMALLINT, INTEGER and BIGINT; days since 1970-01-01 for
 * DATE; microseconds since midnight for TIME; microseconds since 1970-01-01T00:00:00 (no time zone) for
 * TIMESTAMP. {@link TemporalValues} converts the date-time encodings.
 */
public final class LongColumn extends BatchColumn {

    private final long[] values;

    public LongColumn(long[] values, boolean[] nulls) {
        super(nulls);
        this.values = required(values, "values");
    }

    public long[] values() {
        return values;
    }

    public long get(int row) {
        return values[row];
    }

    @Override
    public int capacity() {
        return capacity(values.length);
    }

    @Override
    public String representation() {
        return "LongColumn";
    }
}
