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
            case EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] == b[i] | (a[i] != a[i] & b[i] != b[i]);
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = !(a[i] == b[i] | (a[i] != a[i] & b[i] != b[i]));
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] < b[i] | (a[i] == a[i] & b[i] != b[i]);
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] <= b[i] | b[i] != b[i];
                }
            }
            case GREATER_THAN -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] > b[i] | (a[i] != a[i] & b[i] == b[i]);
                }
            }
            case GREATER_THAN_OR_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] >= b[i] | a[i] != a[i];
                }
            }
            default -> throw new IllegalArgumentException(operator.name());
        }
    }

    static void compare(Function operator, double[] a, double constant, boolean[] out, int rows) {
        if (Double.isNaN(constant)) {
            compareWithNaN(operator, a, out, rows);
            return;
        }
        switch (operator) {
            case EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] == constant;
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] != constant;
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] < constant;
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] <= constant;
                }
            }
            case GREATER_THAN -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] > constant | a[i] != a[i];
                }
            }
            case GREATER_THAN_OR_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] >= constant | a[i] != a[i];
                }
            }
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
}
