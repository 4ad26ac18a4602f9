package io.basalt.execution.expression;

/**
 * Turns three-way comparison results (negative, zero, positive) into a comparison operator's booleans,
 * for the kinds whose comparison is a function call rather than one instruction (128-bit, text).
 */
final class OrderResults {

    private OrderResults() {
    }

    static void apply(Function operator, int[] order, boolean[] out, int rows) {
        switch (operator) {
            case EQUAL -> equal(order, out, rows);
            case NOT_EQUAL -> notEqual(order, out, rows);
            case LESS_THAN -> less(order, out, rows);
            case LESS_THAN_OR_EQUAL -> lessOrEqual(order, out, rows);
            case GREATER_THAN -> greater(order, out, rows);
            case GREATER_THAN_OR_EQUAL -> greaterOrEqual(order, out, rows);
            default -> throw new IllegalArgumentException(operator.name());
        }
    }

    /** The operator with its operands swapped: {@code c < x} is {@code x > c}. */
    static Function flip(Function operator) {
        return switch (operator) {
            case LESS_THAN -> Function.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> Function.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> Function.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> Function.LESS_THAN_OR_EQUAL;
            default -> operator;
        };
    }

    private static void equal(int[] order, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = order[i] == 0;
        }
    }

    private static void notEqual(int[] order, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = order[i] != 0;
        }
    }

    private static void less(int[] order, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = order[i] < 0;
        }
    }

    private static void lessOrEqual(int[] order, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = order[i] <= 0;
        }
    }

    private static void greater(int[] order, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = order[i] > 0;
        }
    }

    private static void greaterOrEqual(int[] order, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = order[i] >= 0;
        }
    }
}
