package io.basalt.storage.encoding;

/**
 * Comparisons that return 0 or 1 by arithmetic, for the loops that keep a row by adding a test's outcome to a count
 * ({@code out[kept] = row; kept += test}). Written as {@code test ? 1 : 0}, C2 compiles the test into a conditional
 * branch whenever the profile it gathered calls it predictable, and the profile is shared by every filter that runs
 * the loop: after a filter keeping 98 % of the rows (TPC-H Q1's), one keeping 15 % in random order (Q6's) mispredicted
 * so often that a packed range test took 5.5 ns a row instead of 1.0. Arithmetic leaves C2 no branch to make.
 */
public final class BranchFreeComparisons {

    private BranchFreeComparisons() {
    }

    /** 1 when {@code value <= bound} as unsigned 64-bit numbers, else 0. */
    public static int unsignedAtMost(long value, long bound) {
        // bound < value (unsigned) is the borrow out of bound - value: Hacker's Delight's 65-bit subtraction.
        long borrow = (~bound & value) | (~(bound ^ value) & (bound - value));
        return 1 ^ (int) (borrow >>> 63);
    }

    /**
     * {@code value} when {@code 0 <= value <= bound}, else {@code otherwise}; {@code bound} must not be negative (so
     * this is {@code value <= bound} as unsigned numbers). A join filter's bitmap test in every loop that keeps rows
     * by bits (a key's offset against the bitmap's span): one subtraction, an OR and a sign shift decide, where the
     * general unsigned comparison ({@link #unsignedAtMost}) takes seven operations; 1.9 → 1.4 ns a row in a
     * micro-benchmark of the packed bitmap test.
     */
    public static long atMostOr(long value, long bound, long otherwise) {
        // bound - value cannot overflow for value >= 0 and bound >= 0; a negative value sets the sign bit by itself.
        long beyond = ((bound - value) | value) >> 63; // all ones when value < 0 or value > bound, else zero
        return (value & ~beyond) | (otherwise & beyond);
    }

    /** 1 when {@code value == 0}, else 0. */
    public static int isZero(long value) {
        return 1 ^ (int) ((value | -value) >>> 63);
    }

    /** 1 when {@code low <= value <= high} for values and bounds in {@code [0, 2^62)}, else 0. */
    public static int withinSmall(long value, long low, long high) {
        return (int) (~((value - low) | (high - value)) >>> 63);
    }
}
