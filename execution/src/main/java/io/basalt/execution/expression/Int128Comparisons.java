package io.basalt.execution.expression;

/** Comparisons of 128-bit unscaled DECIMALs at a common scale: signed high halves, then unsigned low halves. */
final class Int128Comparisons {

    private Int128Comparisons() {
    }

    static void compare(Function operator, long[] aHigh, long[] aLow, long[] bHigh, long[] bLow, boolean[] out, int rows) {
        if (operator == Function.EQUAL || operator == Function.NOT_EQUAL) {
            boolean equal = operator == Function.EQUAL;
            for (int i = 0; i < rows; i++) {
                out[i] = (aHigh[i] == bHigh[i] & aLow[i] == bLow[i]) == equal;
            }
            return;
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = Int128Math.compare(aHigh[i], aLow[i], bHigh[i], bLow[i]);
        }
        OrderResults.apply(operator, order, out, rows);
    }

    static void compare(Function operator, long[] aHigh, long[] aLow, long high, long low, boolean[] out, int rows) {
        if (operator == Function.EQUAL || operator == Function.NOT_EQUAL) {
            boolean equal = operator == Function.EQUAL;
            for (int i = 0; i < rows; i++) {
                out[i] = (aHigh[i] == high & aLow[i] == low) == equal;
            }
            return;
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = Int128Math.compare(aHigh[i], aLow[i], high, low);
        }
        OrderResults.apply(operator, order, out, rows);
    }
}
