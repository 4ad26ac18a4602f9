package io.basalt.execution.expression;

/** Comparisons of BOOLEAN values, with FALSE ordered before TRUE. */
final class BooleanComparisons {

    private BooleanComparisons() {
    }

    static void compare(Function operator, boolean[] a, boolean[] b, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = holds(operator, a[i], b[i]);
        }
    }

    static void compare(Function operator, boolean[] a, boolean constant, boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = holds(operator, a[i], constant);
        }
    }

    private static boolean holds(Function operator, boolean a, boolean b) {
        return switch (operator) {
            case EQUAL -> a == b;
            case NOT_EQUAL -> a != b;
            case LESS_THAN -> !a & b;
            case LESS_THAN_OR_EQUAL -> !a | b;
            case GREATER_THAN -> a & !b;
            case GREATER_THAN_OR_EQUAL -> a | !b;
            default -> throw new IllegalArgumentException(operator.name());
        };
    }
}
