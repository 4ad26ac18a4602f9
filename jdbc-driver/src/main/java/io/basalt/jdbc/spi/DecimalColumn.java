package io.basalt.jdbc.spi;

import java.math.BigDecimal;

/**
 * DECIMAL values of up to 18 digits: the unscaled value as a {@code long} per row and one scale for the
 * column, so row {@code i} is {@code unscaled[i] × 10^-scale}. The scale equals the column descriptor's.
 */
public final class DecimalColumn extends BatchColumn {

    private final long[] unscaled;
    private final int scale;

    public DecimalColumn(long[] unscaled, int scale, boolean[] nulls) {
        super(nulls);
        this.unscaled = required(unscaled, "unscaled values");
        if (scale < 0 || scale > 38) {
            throw new IllegalArgumentException("DECIMAL scale must be between 0 and 38, got " + scale);
        }
        this.scale = scale;
    }

    public long[] unscaled() {
        return unscaled;
    }

    public int scale() {
        return scale;
    }

    public long unscaled(int row) {
        return unscaled[row];
    }

    public BigDecimal get(int row) {
        return BigDecimal.valueOf(unscaled[row], scale);
    }

    @Override
    public int capacity() {
        return capacity(unscaled.length);
    }

    @Override
    public String representation() {
        return "DecimalColumn";
    }
}
