package io.basalt.execution.expression;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Int128MathTest {

    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private final Random random = new Random(42);
    private final long[] high = new long[1];
    private final long[] low = new long[1];

    /** Values of every magnitude, with the edges mixed in. */
    private BigInteger randomValue() {
        return switch (random.nextInt(8)) {
            case 0 -> MIN;
            case 1 -> MAX;
            case 2 -> BigInteger.valueOf(random.nextInt(21) - 10);
            case 3 -> BigInteger.valueOf(random.nextLong());
            case 4 -> random.nextBoolean() ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.valueOf(Long.MAX_VALUE);
            default -> {
                BigInteger value = new BigInteger(1 + random.nextInt(127), random);
                yield random.nextBoolean() ? value.negate() : value;
            }
        };
    }

    private static boolean fits(BigInteger value) {
        return value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
    }

    private BigInteger result() {
        return Int128Math.toBigInteger(high[0], low[0]);
    }

    private static long h(BigInteger value) {
        return value.shiftRight(64).longValue();
    }

    private static long l(BigInteger value) {
        return value.longValue();
    }

    @Test
    void addSubtractMultiplyAndNegateAgreeWithBigInteger() {
        for (int i = 0; i < 100_000; i++) {
            BigInteger a = randomValue();
            BigInteger b = randomValue();
            BigInteger sum = a.add(b);
            assertThat(Int128Math.add(h(a), l(a), h(b), l(b), high, low, 0)).as(a + " + " + b).isEqualTo(fits(sum));
            if (fits(sum)) {
                assertThat(result()).isEqualTo(sum);
            }
            BigInteger difference = a.subtract(b);
            assertThat(Int128Math.subtract(h(a), l(a), h(b), l(b), high, low, 0)).as(a + " - " + b).isEqualTo(fits(difference));
            if (fits(difference)) {
                assertThat(result()).isEqualTo(difference);
            }
            BigInteger product = a.multiply(b);
            assertThat(Int128Math.multiply(h(a), l(a), h(b), l(b), high, low, 0)).as(a + " * " + b).isEqualTo(fits(product));
            if (fits(product)) {
                assertThat(result()).isEqualTo(product);
            }
            assertThat(Int128Math.negate(h(a), l(a), high, low, 0)).isEqualTo(fits(a.negate()));
            if (fits(a.negate())) {
                assertThat(result()).isEqualTo(a.negate());
            }
        }
    }

    @Test
    void divisionRoundsHalfAwayFromZero() {
        for (int i = 0; i < 100_000; i++) {
            BigInteger a = randomValue();
            long divisor = random.nextInt(4) == 0 ? random.nextInt(2001) - 1000 : random.nextLong() >> random.nextInt(64);
            if (divisor == 0) {
                continue;
            }
            BigInteger expected = new BigDecimal(a).divide(new BigDecimal(divisor), 0, RoundingMode.HALF_UP).toBigInteger();
            assertThat(Int128Math.divideRound(h(a), l(a), divisor, high, low, 0)).as(a + " / " + divisor).isEqualTo(fits(expected));
            if (fits(expected)) {
                assertThat(result()).as(a + " / " + divisor).isEqualTo(expected);
            }
            assertThat(Int128Math.remainder(h(a), l(a), divisor)).as(a + " % " + divisor)
                    .isEqualTo(a.remainder(BigInteger.valueOf(divisor)).longValueExact());
        }
    }

    @Test
    void divisionByPowersOfTenRoundsAsAsked() {
        for (int i = 0; i < 100_000; i++) {
            BigInteger a = randomValue();
            int exponent = 1 + random.nextInt(38);
            BigDecimal exact = new BigDecimal(a).movePointLeft(exponent);
            Int128Math.divideRoundByPowerOfTen(h(a), l(a), exponent, high, low, 0);
            assertThat(result()).as(a + " / 10^" + exponent).isEqualTo(exact.setScale(0, RoundingMode.HALF_UP).toBigInteger());
            Int128Math.divideByPowerOfTen(h(a), l(a), exponent, Int128Math.FLOOR, high, low, 0);
            assertThat(result()).isEqualTo(exact.setScale(0, RoundingMode.FLOOR).toBigInteger());
            Int128Math.divideByPowerOfTen(h(a), l(a), exponent, Int128Math.CEILING, high, low, 0);
            assertThat(result()).isEqualTo(exact.setScale(0, RoundingMode.CEILING).toBigInteger());
        }
    }

    @Test
    void narrowUnsignedDivisionMatchesBigInteger() {
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        for (int i = 0; i < 100_000; i++) {
            long divisor = random.nextLong() >>> random.nextInt(63);
            if (divisor == 0) {
                continue;
            }
            BigInteger unsignedDivisor = new BigInteger(Long.toUnsignedString(divisor));
            BigInteger numeratorHigh = new BigInteger(64, random).mod(unsignedDivisor);
            BigInteger numerator = numeratorHigh.multiply(twoTo64).add(new BigInteger(64, random));
            long quotient = Int128Math.divideUnsignedNarrow(numeratorHigh.longValue(), numerator.longValue(), divisor);
            assertThat(new BigInteger(Long.toUnsignedString(quotient))).isEqualTo(numerator.divide(unsignedDivisor));
        }
    }

    @Test
    void unsignedDivisionMatchesTheJdk() {
        long[] edges = {0, 1, 2, 3, 10, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, Long.MIN_VALUE + 1, 1L << 32, 1_000_000_000_000_000_000L};
        for (long dividend : edges) {
            for (long divisor : edges) {
                if (divisor != 0) {
                    assertThat(Int128Math.divideUnsigned(dividend, divisor)).isEqualTo(Long.divideUnsigned(dividend, divisor));
                }
            }
        }
        for (int i = 0; i < 100_000; i++) {
            long dividend = random.nextLong();
            long divisor = random.nextLong() >>> random.nextInt(64);
            if (random.nextBoolean()) {
                divisor = -divisor;
            }
            if (divisor != 0) {
                assertThat(Int128Math.divideUnsigned(dividend, divisor)).as(dividend + " / " + divisor)
                        .isEqualTo(Long.divideUnsigned(dividend, divisor));
            }
        }
    }

    @Test
    void digitChecksAndComparisons() {
        for (int digits = 1; digits <= 38; digits++) {
            BigInteger limit = BigInteger.TEN.pow(digits);
            for (BigInteger value : new BigInteger[] {limit, limit.subtract(BigInteger.ONE), limit.negate(),
                    limit.negate().add(BigInteger.ONE), BigInteger.ZERO}) {
                assertThat(Int128Math.fitsDigits(h(value), l(value), digits)).as(value + " in " + digits + " digits")
                        .isEqualTo(value.abs().compareTo(limit) < 0);
            }
        }
        assertThat(Int128Math.fitsDigits(h(MIN), l(MIN), 38)).isFalse();
        assertThat(Int128Math.fitsDigits(h(MIN), l(MIN), 39)).isTrue();
        for (int i = 0; i < 100_000; i++) {
            BigInteger a = randomValue();
            BigInteger b = random.nextBoolean() ? a : randomValue();
            assertThat(Integer.signum(Int128Math.compare(h(a), l(a), h(b), l(b)))).isEqualTo(a.compareTo(b));
            assertThat(Int128Math.isLong(h(a), l(a))).isEqualTo(a.bitLength() < 64);
        }
    }
}
