package io.basalt.execution.expression;

/**
 * Comparisons of REAL and DOUBLE in PostgreSQL's total order: NaN equals NaN and sorts above every other
 * value, and -0.0 equals 0.0 (IEEE comparison alone would make NaN unequal to itself and unordered). The
 * extra NaN terms are branch-free ({@code x != x} is true only for NaN).
 */
final class DoubleComparisons {

    private DoubleComparisons() {
    }

    static void compare(Function operator, double[] a, double[] b, boolean[] out, int rows) {
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

    static void compare(Function operator, double[] a, double constant, boolean[] out, int rows) {
        if (Double.isNaN(constant)) {
            compareWithNaN(operator, a, out, rows);
            return;
        }
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

    /** Against NaN, the largest value: only NaN is equal, everything else is less. */
    private static void compareWithNaN(Function operator, double[] a, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            boolean nan = a[i] != a[i];
            out[i] = switch (operator) {
                case EQUAL, GREATER_THAN_OR_EQUAL -> nan;
                case NOT_EQUAL, LESS_THAN -> !nan;
                case LESS_THAN_OR_EQUAL -> true;
                default -> false;
            };
        }
    }

    private static void equal(double[] a, double[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] == b[i] | (a[i] != a[i] & b[i] != b[i]);
        }
    }

    private static void notEqual(double[] a, double[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = !(a[i] == b[i] | (a[i] != a[i] & b[i] != b[i]));
        }
    }

    private static void less(double[] a, double[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] < b[i] | (a[i] == a[i] & b[i] != b[i]);
        }
    }

    private static void lessOrEqual(double[] a, double[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] <= b[i] | b[i] != b[i];
        }
    }

    private static void greater(double[] a, double[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] > b[i] | (a[i] != a[i] & b[i] == b[i]);
        }
    }

    private static void greaterOrEqual(double[] a, double[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] >= b[i] | a[i] != a[i];
        }
    }

    private static void equal(double[] a, double constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] == constant;
        }
    }

    private static void notEqual(double[] a, double constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] != constant;
        }
    }

    private static void less(double[] a, double constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] < constant;
        }
    }

    private static void lessOrEqual(double[] a, double constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] <= constant;
        }
    }

    private static void greater(double[] a, double constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] > constant | a[i] != a[i];
        }
    }

    private static void greaterOrEqual(double[] a, double constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = a[i] >= constant | a[i] != a[i];
        }
    }
}
