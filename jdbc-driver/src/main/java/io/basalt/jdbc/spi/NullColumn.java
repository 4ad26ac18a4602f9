package io.basalt.jdbc.spi;

/** The column of a NULL-typed expression ({@code SELECT NULL}): every row is NULL and there are no values. */
public final class NullColumn extends BatchColumn {

    public NullColumn() {
        super(null);
    }

    @Override
    public boolean isNull(int row) {
        return true;
    }

    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String representation() {
        return "NullColumn";
    }
}
