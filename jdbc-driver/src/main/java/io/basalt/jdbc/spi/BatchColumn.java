package io.basalt.jdbc.spi;

/**
 * The values of one column for the rows of a {@link ResultBatch}, in primitive arrays plus a null mask.
 * Which subclass carries which SQL type is fixed by {@link BasaltType}.
 *
 * <p><b>Null mask:</b> {@code nulls[row]} is true when the row's value is NULL; a {@code null} mask means no
 * row is NULL. The value slot of a NULL row holds an unspecified value and is never read.
 *
 * <p><b>Arrays are shared, not copied:</b> they may be longer than the batch (only the first
 * {@link ResultBatch#rowCount()} entries count), so a session can hand over its vectors' arrays as they
 * are. The reader treats them as read-only and stops reading them when it asks for the next batch.
 */
public abstract class BatchColumn {

    private final boolean[] nulls;

    protected BatchColumn(boolean[] nulls) {
        this.nulls = nulls;
    }

    /** Whether {@code row}'s value is NULL. */
    public boolean isNull(int row) {
        return nulls != null && nulls[row];
    }

    /** The null mask, or {@code null} when no row is NULL. */
    public final boolean[] nulls() {
        return nulls;
    }

    /** How many rows the arrays can describe; a batch's row count must not exceed it. */
    public abstract int capacity();

    /** The representation's name, for error messages. */
    public abstract String representation();

    protected final int capacity(int valueCount) {
        return nulls == null ? valueCount : Math.min(valueCount, nulls.length);
    }

    protected static <T> T required(T array, String what) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return array;
    }
}
