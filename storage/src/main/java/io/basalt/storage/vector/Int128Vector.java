package io.basalt.storage.vector;

import io.basalt.storage.type.PhysicalKind;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Unscaled DECIMAL values with 19 to 38 digits as two's-complement 128-bit integers, split into a high and
 * a low {@code long} array so that no object is allocated per value.
 */
public final class Int128Vector extends ColumnVector {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private long[] high;
    private long[] low;

    public Int128Vector(int capacity) {
        super(capacity);
        this.high = new long[Math.max(capacity, 1)];
        this.low = new long[Math.max(capacity, 1)];
    }

    private Int128Vector(long[] high, long[] low, boolean[] nulls) {
        super(nulls);
        this.high = high;
        this.low = low;
    }

    /** An empty vector writing into the given arrays (see {@link LongVector#wrapping}). */
    public static Int128Vector wrapping(long[] high, long[] low, boolean[] nulls) {
        if (high.length != nulls.length || low.length != nulls.length) {
            throw new IllegalArgumentException(high.length + " and " + low.length + " values but " + nulls.length
                    + " null flags");
        }
        return new Int128Vector(high, low, nulls);
    }

    @Override
    public PhysicalKind kind() {
        return PhysicalKind.INT128;
    }

    public long[] high() {
        return high;
    }

    public long[] low() {
        return low;
    }

    public void set(int position, long highBits, long lowBits) {
        high[position] = highBits;
        low[position] = lowBits;
    }

    public void append(long highBits, long lowBits) {
        ensureCapacity(positionCount + 1);
        high[positionCount] = highBits;
        low[positionCount] = lowBits;
        nulls[positionCount] = false;
        positionCount++;
    }

    public void append(BigInteger value) {
        if (value.bitLength() > 127) {
            throw new ArithmeticException("value does not fit 128 bits: " + value);
        }
        append(value.shiftRight(64).longValue(), value.longValue());
    }

    public BigInteger getBigInteger(int position) {
        BigInteger lowPart = new BigInteger(Long.toUnsignedString(low[position]));
        return BigInteger.valueOf(high[position]).multiply(TWO_TO_64).add(lowPart);
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        ensureCapacity(positionCount + 1);
        copyNullFrom(source, position);
        Int128Vector other = (Int128Vector) source;
        high[positionCount] = other.high[position];
        low[positionCount] = other.low[position];
        positionCount++;
    }

    @Override
    public void ensureCapacity(int capacity) {
        super.ensureCapacity(capacity);
        if (capacity > high.length) {
            high = Arrays.copyOf(high, nulls.length);
            low = Arrays.copyOf(low, nulls.length);
        }
    }
}
