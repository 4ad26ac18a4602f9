package io.basalt.execution.expression;

/**
 * How one exact binary operation runs, decided at compile time from the operands' scales and digit bounds
 * and the call's precision and scale: the powers of ten that bring the operands to a common scale, the
 * rescaling from the operation's natural scale to the result's, and whether every intermediate value is
 * guaranteed to fit a long (then the kernel is plain long arithmetic) or the result's precision (then no
 * overflow check runs at all).
 *
 * <p>For DIVIDE the left exponent scales the numerator and the right one the denominator so that the
 * rounded quotient lands directly on the result scale.
 */
record DecimalPlan(Function function, int leftScale, int rightScale, int leftExponent, int rightExponent,
                   int adjustUp, int adjustDown, int intermediateDigits, int resultDigits, int resultScale,
                   int precision) {

    /** Digits a long always holds. */
    static final int LONG_DIGITS = 18;
    /** A bound meaning "not known": the result must always be checked. */
    static final int UNBOUNDED = Integer.MAX_VALUE / 2;

    static DecimalPlan of(Function function, int leftScale, int leftDigits, int rightScale, int rightDigits,
                          int resultScale, int precision) {
        int leftExponent = 0;
        int rightExponent = 0;
        int naturalScale;
        int intermediateDigits;
        int naturalDigits;
        switch (function) {
            case ADD, SUBTRACT -> {
                naturalScale = Math.max(leftScale, rightScale);
                leftExponent = naturalScale - leftScale;
                rightExponent = naturalScale - rightScale;
                intermediateDigits = Math.max(leftDigits + leftExponent, rightDigits + rightExponent) + 1;
                naturalDigits = intermediateDigits;
            }
            case MULTIPLY -> {
                naturalScale = leftScale + rightScale;
                intermediateDigits = leftDigits + rightDigits;
                naturalDigits = intermediateDigits;
            }
            case MODULO -> {
                naturalScale = Math.max(leftScale, rightScale);
                leftExponent = naturalScale - leftScale;
                rightExponent = naturalScale - rightScale;
                intermediateDigits = Math.max(leftDigits + leftExponent, rightDigits + rightExponent);
                naturalDigits = Math.min(leftDigits + leftExponent, rightDigits + rightExponent);
            }
            case DIVIDE -> {
                // unscaled result = round(A · 10^(S − sa + sb) / B)
                int exponent = resultScale - leftScale + rightScale;
                leftExponent = Math.max(exponent, 0);
                rightExponent = Math.max(-exponent, 0);
                naturalScale = resultScale;
                intermediateDigits = Math.max(leftDigits + leftExponent, rightDigits + rightExponent);
                naturalDigits = UNBOUNDED; // dividing by a small number makes the quotient large
            }
            default -> throw new IllegalArgumentException("not a binary arithmetic function: " + function);
        }
        int adjustUp = Math.max(resultScale - naturalScale, 0);
        int adjustDown = Math.max(naturalScale - resultScale, 0);
        int resultDigits = naturalDigits >= UNBOUNDED ? UNBOUNDED
                : adjustUp > 0 ? naturalDigits + adjustUp
                : adjustDown > 0 ? Math.max(naturalDigits - adjustDown + 1, 1) // rounding 9.5 up adds a digit
                : naturalDigits;
        return new DecimalPlan(function, leftScale, rightScale, leftExponent, rightExponent, adjustUp, adjustDown,
                intermediateDigits + adjustUp, resultDigits, resultScale, precision);
    }

    /** Every intermediate value fits a long, so the operation can run on longs without overflow checks. */
    boolean fitsLong() {
        return intermediateDigits <= LONG_DIGITS && adjustDown <= LONG_DIGITS;
    }

    /** The result may exceed the call's precision, so it must be checked (22003). */
    boolean needsPrecisionCheck() {
        return resultDigits > precision;
    }
}
