package io.basalt.execution.expression;

/**
 * Comparisons of long values (integers, short DECIMALs at a common scale, DATE, TIME, TIMESTAMP): one
 * branch-free loop per operator, and a scalar form for the filters analytical queries are made of
 * ({@code l_shipdate <= DATE '1998-09-02'}), which reads one array and writes one.
 */
final class LongComparisons {

    private LongComparisons() {
    }

    static void compare(Function operator, long[] a, long[] b, boolean[] out, int rows) {
        switch (operator) {
            case EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] == b[i];
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] != b[i];
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] < b[i];
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] <= b[i];
                }
            }
            case GREATER_THAN -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] > b[i];
                }
            }
            case GREATER_THAN_OR_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] >= b[i];
                }
            }
            default -> throw new IllegalArgumentException(operator.name());
        }
    }

    static void compare(Function operator, long[] a, long constant, boolean[] out, int rows) {
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
                    out[i] = a[i] > constant;
                }
            }
            case GREATER_THAN_OR_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] >= constant;
                }
            }
            default -> throw new IllegalArgumentException(operator.name());
        }
    }
}
