package io.basalt.execution.expression;

/**
 * Comparisons of long values (integers, short DECIMALs at a common scale, DATE, TIME, TIMESTAMP): one
 * branch-free loop per operator, each in a method of its own (C2 compiles a method from the profile of what has
 * run: with every operator's loop in one method it was compiled again for each new operator, seven times over
 * TPC-H), and a scalar form for the filters analytical queries are made of
 * ({@code l_shipdate <= DATE '1998-09-02'}), which reads one array and writes one.
 */
final class LongComparisons {

    private LongComparisons() {
    }

    static void compare(Function operator, long[] a, long[] b, boolean[] out, int rows) {
        switch (operator) {
            case EQUAL -> equal(a, b, out, rows);
            case NOT_EQUAL -> notEqual(a, b, out, rows);
            case LESS_THAN -> less(a, b, out, rows);
            case LESS_THAN_OR_EQUAL -> lessOrEqual(a, b, out, rows);
            case GREATER_THAN -> greater(a, b, out, rows);
            case GREATER_THAN_OR_EQUAL -> greaterOrEqual(a, b, out, rows);
            default -> throw new IllegalArgumentException(operator.name());
        }
    }

    static void compare(Function operator, long[] a, long constant, boolean[] out, int rows) {
        switch (operator) {
            case EQUAL -> equal(a, constant, out, rows);
            case NOT_EQUAL -> notEqual(a, constant, out, rows);
            case LESS_THAN -> less(a, constant, out, rows);
            case LESS_THAN_OR_EQUAL -> lessOrEqual(a, constant, out, rows);
            case GREATER_THAN -> greater(a, constant, out, rows);
            case GREATER_THAN_OR_EQUAL -> greaterOrEqual(a, constant, out, rows);
            default -> throw new IllegalArgumentException(operator.name());
        }
    }

    private static void equal(long[] a, long[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] == b[i];
        }
    }

    private static void notEqual(long[] a, long[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] != b[i];
        }
    }

    private static void less(long[] a, long[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] < b[i];
        }
    }

    private static void lessOrEqual(long[] a, long[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] <= b[i];
        }
    }

    private static void greater(long[] a, long[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] > b[i];
        }
    }

    private static void greaterOrEqual(long[] a, long[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] >= b[i];
        }
    }

    private static void equal(long[] a, long constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] == constant;
        }
    }

    private static void notEqual(long[] a, long constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] != constant;
        }
    }

    private static void less(long[] a, long constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] < constant;
        }
    }

    private static void lessOrEqual(long[] a, long constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] <= constant;
        }
    }

    private static void greater(long[] a, long constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] > constant;
        }
    }

    private static void greaterOrEqual(long[] a, long constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] >= constant;
        }
    }
}
