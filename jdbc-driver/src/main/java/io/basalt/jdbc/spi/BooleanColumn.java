package io.basalt.jdbc.spi;

/** BOOLEAN values, one {@code boolean} per row. */
public final class BooleanColumn extends BatchColumn {

    private final boolean[] values;

    public BooleanColumn(boolean[] values, boolean[] nulls) {
        super(nulls);
        this.values = required(values, "values");
    }

    public boolean[] values() {
        return values;
    }

    public boolean get(int row) {
        return values[row];
    }

    @Override
    public int capacity() {
        return capacity(values.length);
    }

    @Override
    public String representation() {
        return "BooleanColumn";
    }
}
