package io.basalt.jdbc.spi;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * DECIMAL values of 19 to 38 digits: the unscaled value of row {@code i} is the two's-complement 128-bit
 * integer whose upper 64 bits are {@code high[i]} and lower 64 bits {@code low[i]}, and the value is
 * {@code unscaled × 10^-scale}. This is the layout of the storage module's {@code Int128Vector}.
 */
public final class WideDecimalColumn extends BatchColumn {

    private final long[] high;
    private final long[] low;
    private final int scale;

    public WideDecimalColumn(long[] high, long[] low, int scale, boolean[] nulls) {
        super(nulls);
        this.high = required(high, "high words");
        this.low = required(low, "low words");
        if (scale < 0 || scale > 38) {
            throw new IllegalArgumentException("DECIMAL scale must be between 0 and 38, got " + scale);
        }
        this.scale = scale;
    }

    public long[] high() {
        return high;
    }

    public long[] low() {
        return low;
    }

    public int scale() {
        return scale;
    }

    /** The 128-bit unscaled value of {@code row}. */
    public BigInteger unscaled(int row) {
        BigInteger upper = BigInteger.valueOf(high[row]).shiftLeft(64);
        long lowBits = low[row];
        BigInteger lower = BigInteger.valueOf(lowBits & Long.MAX_VALUE);
        if (lowBits < 0) {
            lower = lower.setBit(63);
        }
        return upper.or(lower);
    }

    public BigDecimal get(int row) {
        return new BigDecimal(unscaled(row), scale);
    }

    /** Splits {@code unscaled} into the high and low words of this layout. */
    public static long highWord(BigInteger unscaled) {
        checkFits(unscaled);
        return unscaled.shiftRight(64).longValue();
    }

    /** The low word of {@code unscaled}; see {@link #highWord}. */
    public static long lowWord(BigInteger unscaled) {
        checkFits(unscaled);
        return unscaled.longValue();
    }

    private static void checkFits(BigInteger unscaled) {
        if (unscaled.bitLength() > 127) {
            throw new IllegalArgumentException("value does not fit 128 bits: " + unscaled);
        }
    }

    @Override
    public int capacity() {
        return capacity(Math.min(high.length, low.length));
    }

    @Override
    public String representation() {
        return "WideDecimalColumn";
    }
}
