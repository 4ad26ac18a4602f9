package io.basalt.storage.vector;

import io.basalt.storage.type.PhysicalKind;

import java.util.Arrays;

/**
 * A column of values for a run of rows, held in on-heap primitive arrays with a null mask. Storage hands
 * these to the executor without copying, so the layout is chosen for tight, JIT-friendly loops: the value
 * arrays are public to kernels through the typed subclasses, and a null position's value slot holds an
 * unspecified value that kernels may compute on and then ignore.
 *
 * <p>Vectors are filled by appending ({@code append…}/{@link #appendNull()}) or, for fixed-width kinds,
 * by writing positions directly and then calling {@link #setPositionCount(int)}.
 */
public abstract sealed class ColumnVector permits BooleanVector, LongVector, DoubleVector, Int128Vector, BytesVector {

    protected boolean[] nulls;
    protected int positionCount;
    protected boolean mayHaveNulls;

    protected ColumnVector(int capacity) {
        this.nulls = new boolean[Math.max(capacity, 1)];
    }

    /** A vector over a null mask the caller provides, all of whose first positions the vector may use are false. */
    protected ColumnVector(boolean[] nulls) {
        this.nulls = nulls;
    }

    public static ColumnVector create(PhysicalKind kind, int capacity) {
        return switch (kind) {
            case BOOLEAN -> new BooleanVector(capacity);
            case LONG -> new LongVector(capacity);
            case DOUBLE -> new DoubleVector(capacity);
            case INT128 -> new Int128Vector(capacity);
            case BYTES -> new BytesVector(capacity, capacity * 16);
        };
    }

    public abstract PhysicalKind kind();

    public final int positionCount() {
        return positionCount;
    }

    /** Declares positions {@code [0, count)} filled, after writing them directly. */
    public void setPositionCount(int count) {
        ensureCapacity(count);
        this.positionCount = count;
    }

    public final boolean isNull(int position) {
        return mayHaveNulls && nulls[position];
    }

    /** False guarantees no position is null; true means some may be. */
    public final boolean mayHaveNulls() {
        return mayHaveNulls;
    }

    /** The null mask; only meaningful when {@link #mayHaveNulls()} is true. */
    public final boolean[] nulls() {
        return nulls;
    }

    public final void setNull(int position, boolean isNull) {
        nulls[position] = isNull;
        if (isNull) {
            mayHaveNulls = true;
        }
    }

    public final int nullCount() {
        if (!mayHaveNulls) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < positionCount; i++) {
            if (nulls[i]) {
                count++;
            }
        }
        return count;
    }

    public void appendNull() {
        ensureCapacity(positionCount + 1);
        nulls[positionCount] = true;
        mayHaveNulls = true;
        positionCount++;
    }

    /** Appends position {@code position} of {@code source}, which must be of the same kind. */
    public abstract void appendFrom(ColumnVector source, int position);

    /** Grows the arrays so that {@code capacity} positions fit. */
    public void ensureCapacity(int capacity) {
        if (capacity > nulls.length) {
            nulls = Arrays.copyOf(nulls, grownCapacity(nulls.length, capacity));
        }
    }

    /** Forgets all positions, keeping the arrays for reuse. */
    public void reset() {
        if (mayHaveNulls) {
            Arrays.fill(nulls, 0, positionCount, false);
        }
        mayHaveNulls = false;
        positionCount = 0;
    }

    protected static int grownCapacity(int current, int needed) {
        long grown = Math.max((long) needed, current + (current >> 1) + 16L);
        if (grown > Integer.MAX_VALUE - 16) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("column vector cannot hold " + needed + " entries");
            }
            grown = Integer.MAX_VALUE - 16;
        }
        return (int) grown;
    }

    protected final void copyNullFrom(ColumnVector source, int position) {
        boolean isNull = source.isNull(position);
        nulls[positionCount] = isNull;
        if (isNull) {
            mayHaveNulls = true;
        }
    }
}
