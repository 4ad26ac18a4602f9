package io.basalt.execution.expression;

import io.basalt.storage.vector.ColumnVector;

/**
 * Null propagation for strict functions: kernels compute every position (a null position's value slot
 * holds something unspecified, which is harmless for arithmetic that cannot fail) and then the result's
 * mask becomes the union of the inputs' masks, one pass with no branches.
 *
 * <p>The target must be a fresh fixed-width vector whose positions are declared (its mask all false).
 */
final class NullMasks {

    private NullMasks() {
    }

    static void copy(ColumnVector target, ColumnVector source, int rows) {
        if (!source.mayHaveNulls()) {
            return;
        }
        boolean[] mask = target.nulls();
        System.arraycopy(source.nulls(), 0, mask, 0, rows);
        flag(target, mask, rows);
    }

    static void union(ColumnVector target, ColumnVector first, ColumnVector second, int rows) {
        if (!first.mayHaveNulls()) {
            copy(target, second, rows);
            return;
        }
        if (!second.mayHaveNulls()) {
            copy(target, first, rows);
            return;
        }
        boolean[] mask = target.nulls();
        boolean[] left = first.nulls();
        boolean[] right = second.nulls();
        for (int i = 0; i < rows; i++) {
            mask[i] = left[i] | right[i];
        }
        flag(target, mask, rows);
    }

    /** The union of all arguments' masks. */
    static void union(ColumnVector target, ColumnVector[] sources, int rows) {
        boolean[] mask = target.nulls();
        boolean any = false;
        for (ColumnVector source : sources) {
            if (source.mayHaveNulls()) {
                boolean[] nulls = source.nulls();
                for (int i = 0; i < rows; i++) {
                    mask[i] |= nulls[i];
                }
                any = true;
            }
        }
        if (any) {
            flag(target, mask, rows);
        }
    }

    /**
     * Sets the vector's "may have nulls" flag when the mask (already written into its array) has a null;
     * the flag is only reachable through {@link ColumnVector#setNull}.
     */
    static void flag(ColumnVector target, boolean[] mask, int rows) {
        for (int i = 0; i < rows; i++) {
            if (mask[i]) {
                target.setNull(i, true);
                return;
            }
        }
    }
}
