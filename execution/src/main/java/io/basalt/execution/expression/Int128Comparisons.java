package io.basalt.execution.expression;

/**
 * Comparisons of 128-bit unscaled DECIMALs at a common scale: signed high halves, then unsigned low halves. Equality
 * and ordering are separate loops in separate methods, so that C2 compiles each from its own profile.
 */
final class Int128Comparisons {

    private Int128Comparisons() {
    }

    static void compare(Function operator, long[] aHigh, long[] aLow, long[] bHigh, long[] bLow, boolean[] out, int rows) {
        if (operator == Function.EQUAL || operator == Function.NOT_EQUAL) {
            equality(operator == Function.EQUAL, aHigh, aLow, bHigh, bLow, out, rows);
        } else {
            OrderResults.apply(operator, order(aHigh, aLow, bHigh, bLow, rows), out, rows);
        }
    }

    static void compare(Function operator, long[] aHigh, long[] aLow, long high, long low, boolean[] out, int rows) {
        if (operator == Function.EQUAL || operator == Function.NOT_EQUAL) {
            equality(operator == Function.EQUAL, aHigh, aLow, high, low, out, rows);
        } else {
            OrderResults.apply(operator, order(aHigh, aLow, high, low, rows), out, rows);
        }
    }

    private static void equality(boolean equal, long[] aHigh, long[] aLow, long[] bHigh, long[] bLow, boolean[] out,
                                 int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = (aHigh[i] == bHigh[i] & aLow[i] == bLow[i]) == equal;
        }
    }

    private static void equality(boolean equal, long[] aHigh, long[] aLow, long high, long low, boolean[] out,
                                 int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = (aHigh[i] == high & aLow[i] == low) == equal;
        }
    }

    private static int[] order(long[] aHigh, long[] aLow, long[] bHigh, long[] bLow, int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = Int128Math.compare(aHigh[i], aLow[i], bHigh[i], bLow[i]);
        }
        return order;
    }

    private static int[] order(long[] aHigh, long[] aLow, long high, long low, int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = Int128Math.compare(aHigh[i], aLow[i], high, low);
        }
        return order;
    }
}
