package io.basalt.execution.expression;

import java.math.BigInteger;

/** 10^k as longs (k ≤ 18) and as 128-bit values (k ≤ 38), for rescaling and precision checks. */
final class PowersOfTen {

    static final int MAX_LONG_EXPONENT = 18;
    static final int MAX_INT128_EXPONENT = 38;

    private static final long[] LONGS = new long[MAX_LONG_EXPONENT + 1];
    private static final long[] HIGH = new long[MAX_INT128_EXPONENT + 1];
    private static final long[] LOW = new long[MAX_INT128_EXPONENT + 1];
    private static final BigInteger[] BIG = new BigInteger[MAX_INT128_EXPONENT * 2 + 1];

    static {
        LONGS[0] = 1;
        for (int i = 1; i <= MAX_LONG_EXPONENT; i++) {
            LONGS[i] = LONGS[i - 1] * 10;
        }
        BIG[0] = BigInteger.ONE;
        for (int i = 1; i < BIG.length; i++) {
            BIG[i] = BIG[i - 1].multiply(BigInteger.TEN);
        }
        for (int i = 0; i <= MAX_INT128_EXPONENT; i++) {
            HIGH[i] = BIG[i].shiftRight(64).longValue();
            LOW[i] = BIG[i].longValue();
        }
    }

    private PowersOfTen() {
    }

    static long longValue(int exponent) {
        return LONGS[exponent];
    }

    static long high(int exponent) {
        return HIGH[exponent];
    }

    static long low(int exponent) {
        return LOW[exponent];
    }

    static BigInteger big(int exponent) {
        return exponent < BIG.length ? BIG[exponent] : BigInteger.TEN.pow(exponent);
    }
}
