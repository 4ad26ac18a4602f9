package io.basalt.jdbc.spi;

/** REAL, FLOAT and DOUBLE values, one {@code double} per row; a REAL's double holds a {@code float}'s value. */
public final class DoubleColumn extends BatchColumn {

    private final double[] values;

    public DoubleColumn(double[] values, boolean[] nulls) {
        super(nulls);
        this.values = required(values, "values");
    }

    public double[] values() {
        return values;
    }

    public double get(int row) {
        return values[row];
    }

    @Override
    public int capacity() {
        return capacity(values.length);
    }

    @Override
    public String representation() {
        return "DoubleColumn";
    }
}
