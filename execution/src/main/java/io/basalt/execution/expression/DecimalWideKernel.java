package io.basalt.execution.expression;

import io.basalt.execution.vector.BatchArena;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact arithmetic that may need more than 64 bits: every row runs on 128-bit (high, low) pairs with
 * {@link Int128Math}; a row whose intermediate value does not fit 128 bits (say a 38-digit numerator scaled
 * up for a division) is recomputed exactly with {@link BigDecimal}, so results are never wrong, only that
 * rare row is slow. The operation is chosen once per batch; the per-row switch is on a loop-invariant value.
 */
final class DecimalWideKernel {

    private final DecimalPlan plan;
    private final LogicalType type;
    private final Operand left;
    private final Operand right;

    private DecimalWideKernel(DecimalPlan plan, LogicalType type, Operand left, Operand right) {
        this.plan = plan;
        this.type = type;
        this.left = left;
        this.right = right;
    }

    static CompiledExpression compile(DecimalPlan plan, LogicalType type, Operand left, Operand right) {
        DecimalWideKernel kernel = new DecimalWideKernel(plan, type, left, right);
        if (plan.function() == Function.MULTIPLY && plan.adjustUp() == 0 && plan.adjustDown() == 0) {
            return ExactOperands.isLongKind(left) && ExactOperands.isLongKind(right) ? kernel::multiplyLongs : kernel::multiply;
        }
        return kernel::evaluate;
    }

    /**
     * A product at the operands' natural scale ({@code type} an INT128 DECIMAL) whose batches come back as a
     * {@code LongVector} when every product fits one, else as usual ({@link LongWhenFits}: only readers that take
     * both get it).
     */
    static CompiledExpression compileLongWhenFits(DecimalPlan plan, LogicalType type, Operand left, Operand right) {
        if (type.physicalKind() != PhysicalKind.INT128 || plan.function() != Function.MULTIPLY) {
            throw new IllegalArgumentException("not a product wider than a long: " + plan.function() + " as " + type);
        }
        return new DecimalWideKernel(plan, type, left, right)::multiplyLongWhenFits;
    }

    private ColumnVector multiplyLongWhenFits(io.basalt.storage.vector.ColumnBatch input) {
        ColumnVector a = left.evaluate(input);
        ConstantAndColumn factor = ConstantAndColumn.of(right);
        ColumnVector b = factor == null ? right.evaluate(input) : factor.column().evaluate(input);
        int rows = input.rowCount();
        if (a instanceof LongVector x && b instanceof LongVector y) {
            LongVector products = BatchArena.longVector(rows);
            products.setPositionCount(rows);
            NullMasks.union(products, a, b, rows);
            long constant = factor == null ? 0 : factor.constant();
            long step = factor == null ? 1 : factor.step();
            long bound = products.mayHaveNulls()
                    ? smallProducts(x.values(), y.values(), constant, step, products.nulls(), products.values(), rows)
                    : smallProducts(x.values(), y.values(), constant, step, products.values(), rows);
            if (bound >= 0) {
                products.declareMagnitudeBound(bound);
                return products;
            }
        }
        return ExactOperands.isLongKind(left) && ExactOperands.isLongKind(right)
                ? multiplyLongs(a, b, factor, rows) : multiply(a, b, factor, rows);
    }

    /**
     * {@code out[i] = x[i] * (constant + step * y[i])} for every row; when every factor is below 2<sup>31</sup> in
     * magnitude, a bound on the products' magnitudes ({@link LongVector#magnitudeBound}), else -1. A product then takes
     * at most 62 bits, so it is exact, and it has at most 19 digits, within any INT128 DECIMAL's precision.
     */
    private static long smallProducts(long[] x, long[] y, long constant, long step, long[] out, int rows) {
        long leftMagnitudes = 0;
        long rightMagnitudes = 0;
        for (int i = 0; i < rows; i++) {
            long z = constant + step * y[i];
            leftMagnitudes |= x[i] ^ (x[i] >> 63);
            rightMagnitudes |= z ^ (z >> 63);
            out[i] = x[i] * z;
        }
        return productBound(leftMagnitudes, rightMagnitudes);
    }

    /** {@link #smallProducts(long[], long[], long, long, long[], int)} leaving out the factors of NULL rows (any value). */
    private static long smallProducts(long[] x, long[] y, long constant, long step, boolean[] nulls, long[] out,
                                      int rows) {
        long leftMagnitudes = 0;
        long rightMagnitudes = 0;
        for (int i = 0; i < rows; i++) {
            long z = constant + step * y[i];
            long kept = nulls[i] ? 0 : -1L;
            leftMagnitudes |= kept & (x[i] ^ (x[i] >> 63));
            rightMagnitudes |= kept & (z ^ (z >> 63));
            out[i] = x[i] * z;
        }
        return productBound(leftMagnitudes, rightMagnitudes);
    }

    /**
     * From the ORs of each factor's {@code v ^ (v >> 63)} (its magnitude, less one when negative), a bound on the
     * products' magnitudes when both are below 2<sup>31</sup>, else -1: a factor whose OR takes {@code b} bits has
     * magnitude at most 2<sup>b</sup>, so a product at most 2<sup>b + c</sup>.
     */
    static long productBound(long leftMagnitudes, long rightMagnitudes) {
        if ((leftMagnitudes | rightMagnitudes) >>> 31 != 0) {
            return -1;
        }
        int bits = 2 * Long.SIZE - Long.numberOfLeadingZeros(leftMagnitudes) - Long.numberOfLeadingZeros(rightMagnitudes);
        return 1L << bits;
    }

    /**
     * Two long operands: the 128-bit product is exact and needs no checks beyond the precision. A right factor
     * {@code constant ± column} ({@link ConstantAndColumn}) is computed in the loop from its column.
     */
    private ColumnVector multiplyLongs(io.basalt.storage.vector.ColumnBatch input) {
        ColumnVector a = left.evaluate(input);
        ConstantAndColumn factor = ConstantAndColumn.of(right);
        ColumnVector b = factor == null ? right.evaluate(input) : factor.column().evaluate(input);
        return multiplyLongs(a, b, factor, input.rowCount());
    }

    private ColumnVector multiplyLongs(ColumnVector a, ColumnVector b, ConstantAndColumn factor, int rows) {
        Int128Vector result = BatchArena.int128Vector(rows);
        result.setPositionCount(rows);
        NullMasks.union(result, a, b, rows);
        long[] x = ((LongVector) a).values();
        long[] y = ((LongVector) b).values();
        long[] high = result.high();
        long[] low = result.low();
        if (factor == null) {
            for (int i = 0; i < rows; i++) {
                high[i] = Math.multiplyHigh(x[i], y[i]);
                low[i] = x[i] * y[i];
            }
        } else {
            long constant = factor.constant();
            long step = factor.step();
            for (int i = 0; i < rows; i++) {
                long z = constant + step * y[i];
                high[i] = Math.multiplyHigh(x[i], z);
                low[i] = x[i] * z;
            }
        }
        if (plan.needsPrecisionCheck()) {
            checkPrecision(result, high, low, rows);
        }
        return narrowIfLong(result, rows);
    }

    /**
     * A product at its natural scale with a 128-bit operand (TPC-H Q1's third factor): rows whose operands
     * are small enough for longs, nearly all of them, take one multiplyHigh; the others the full 128-bit
     * multiplication, and the exact path if even that overflows.
     */
    private ColumnVector multiply(io.basalt.storage.vector.ColumnBatch input) {
        ColumnVector a = left.evaluate(input);
        ConstantAndColumn factor = ConstantAndColumn.of(right);
        ColumnVector b = factor == null ? right.evaluate(input) : factor.column().evaluate(input);
        return multiply(a, b, factor, input.rowCount());
    }

    private ColumnVector multiply(ColumnVector a, ColumnVector b, ConstantAndColumn factor, int rows) {
        Int128Vector result = BatchArena.int128Vector(rows);
        result.setPositionCount(rows);
        NullMasks.union(result, a, b, rows);
        long[] aLow = ExactOperands.lows(a);
        long[] bLow = ExactOperands.lows(b);
        long[] aHigh = a instanceof Int128Vector wideA ? wideA.high() : null;
        long[] bHigh = b instanceof Int128Vector wideB ? wideB.high() : null;
        // A right factor constant ± column: y = constant + step × column value (a long: the factor's plan fits one).
        long constant = factor == null ? 0 : factor.constant();
        long step = factor == null ? 1 : factor.step();
        long[] high = result.high();
        long[] low = result.low();
        for (int i = 0; i < rows; i++) {
            long x = aLow[i];
            long y = constant + step * bLow[i];
            long xHigh = aHigh == null ? x >> 63 : aHigh[i];
            long yHigh = bHigh == null ? y >> 63 : bHigh[i];
            if (xHigh == (x >> 63) && yHigh == (y >> 63)) {
                high[i] = Math.multiplyHigh(x, y);
                low[i] = x * y;
            } else if (!Int128Math.multiply(xHigh, x, yHigh, y, high, low, i)) {
                if (result.isNull(i)) {
                    high[i] = 0;
                    low[i] = 0;
                } else {
                    exactly(xHigh, x, yHigh, y, high, low, i);
                }
            }
        }
        if (plan.needsPrecisionCheck()) {
            checkPrecision(result, high, low, rows);
        }
        return narrowIfLong(result, rows);
    }

    private ColumnVector evaluate(io.basalt.storage.vector.ColumnBatch input) {
        ColumnVector a = left.evaluate(input);
        ColumnVector b = right.evaluate(input);
        int rows = input.rowCount();
        Int128Vector result = BatchArena.int128Vector(rows);
        result.setPositionCount(rows);
        NullMasks.union(result, a, b, rows);
        long[] aHigh = ExactOperands.highs(a, rows);
        long[] aLow = ExactOperands.lows(a);
        long[] bHigh = ExactOperands.highs(b, rows);
        long[] bLow = ExactOperands.lows(b);
        long[] high = result.high();
        long[] low = result.low();
        long[] scratchHigh = new long[2];
        long[] scratchLow = new long[2];
        Function function = plan.function();
        for (int i = 0; i < rows; i++) {
            boolean computed = switch (function) {
                case ADD, SUBTRACT -> addOrSubtract(function == Function.ADD, aHigh[i], aLow[i], bHigh[i], bLow[i],
                        high, low, i, scratchHigh, scratchLow);
                case MULTIPLY -> Int128Math.multiply(aHigh[i], aLow[i], bHigh[i], bLow[i], high, low, i) && adjust(high, low, i);
                case DIVIDE -> divide(aHigh[i], aLow[i], bHigh[i], bLow[i], high, low, i, scratchHigh, scratchLow);
                case MODULO -> remainder(aHigh[i], aLow[i], bHigh[i], bLow[i], high, low, i, scratchHigh, scratchLow);
                default -> throw new IllegalStateException(function.name());
            };
            if (!computed) {
                if (result.isNull(i)) {
                    high[i] = 0;
                    low[i] = 0;
                } else {
                    exactly(aHigh[i], aLow[i], bHigh[i], bLow[i], high, low, i);
                }
            }
        }
        if (plan.needsPrecisionCheck()) {
            checkPrecision(result, high, low, rows);
        }
        return narrowIfLong(result, rows);
    }

    private boolean addOrSubtract(boolean add, long aHigh, long aLow, long bHigh, long bLow, long[] high, long[] low, int i,
                                  long[] scratchHigh, long[] scratchLow) {
        if (plan.leftExponent() > 0) {
            int exponent = plan.leftExponent();
            if (!Int128Math.multiply(aHigh, aLow, PowersOfTen.high(exponent), PowersOfTen.low(exponent), scratchHigh, scratchLow, 0)) {
                return false;
            }
            aHigh = scratchHigh[0];
            aLow = scratchLow[0];
        }
        if (plan.rightExponent() > 0) {
            int exponent = plan.rightExponent();
            if (!Int128Math.multiply(bHigh, bLow, PowersOfTen.high(exponent), PowersOfTen.low(exponent), scratchHigh, scratchLow, 1)) {
                return false;
            }
            bHigh = scratchHigh[1];
            bLow = scratchLow[1];
        }
        boolean fits = add ? Int128Math.add(aHigh, aLow, bHigh, bLow, high, low, i)
                : Int128Math.subtract(aHigh, aLow, bHigh, bLow, high, low, i);
        return fits && adjust(high, low, i);
    }

    private boolean divide(long aHigh, long aLow, long bHigh, long bLow, long[] high, long[] low, int i,
                           long[] scratchHigh, long[] scratchLow) {
        if (plan.leftExponent() > 0) {
            int exponent = plan.leftExponent();
            if (exponent > PowersOfTen.MAX_INT128_EXPONENT
                    || !Int128Math.multiply(aHigh, aLow, PowersOfTen.high(exponent), PowersOfTen.low(exponent), scratchHigh, scratchLow, 0)) {
                return false;
            }
            aHigh = scratchHigh[0];
            aLow = scratchLow[0];
        }
        if (plan.rightExponent() > 0) {
            int exponent = plan.rightExponent();
            if (exponent > PowersOfTen.MAX_INT128_EXPONENT
                    || !Int128Math.multiply(bHigh, bLow, PowersOfTen.high(exponent), PowersOfTen.low(exponent), scratchHigh, scratchLow, 1)) {
                return false;
            }
            bHigh = scratchHigh[1];
            bLow = scratchLow[1];
        }
        if (!Int128Math.isLong(bHigh, bLow) || bLow == 0) {
            return false; // a divisor beyond 64 bits, or zero (the exact path raises the error)
        }
        return Int128Math.divideRound(aHigh, aLow, bLow, high, low, i);
    }

    private boolean remainder(long aHigh, long aLow, long bHigh, long bLow, long[] high, long[] low, int i,
                              long[] scratchHigh, long[] scratchLow) {
        if (plan.leftExponent() > 0) {
            int exponent = plan.leftExponent();
            if (!Int128Math.multiply(aHigh, aLow, PowersOfTen.high(exponent), PowersOfTen.low(exponent), scratchHigh, scratchLow, 0)) {
                return false;
            }
            aHigh = scratchHigh[0];
            aLow = scratchLow[0];
        }
        if (plan.rightExponent() > 0) {
            int exponent = plan.rightExponent();
            if (!Int128Math.multiply(bHigh, bLow, PowersOfTen.high(exponent), PowersOfTen.low(exponent), scratchHigh, scratchLow, 1)) {
                return false;
            }
            bHigh = scratchHigh[1];
            bLow = scratchLow[1];
        }
        if (!Int128Math.isLong(bHigh, bLow) || bLow == 0) {
            return false;
        }
        long remainder = Int128Math.remainder(aHigh, aLow, bLow);
        high[i] = remainder >> 63;
        low[i] = remainder;
        return adjust(high, low, i);
    }

    /** Rescales the natural-scale value at i to the result scale. */
    private boolean adjust(long[] high, long[] low, int i) {
        if (plan.adjustUp() > 0) {
            int exponent = plan.adjustUp();
            return exponent <= PowersOfTen.MAX_INT128_EXPONENT
                    && Int128Math.multiply(high[i], low[i], PowersOfTen.high(exponent), PowersOfTen.low(exponent), high, low, i);
        }
        if (plan.adjustDown() > 0) {
            int exponent = plan.adjustDown();
            if (exponent > PowersOfTen.MAX_INT128_EXPONENT) {
                return false;
            }
            Int128Math.divideRoundByPowerOfTen(high[i], low[i], exponent, high, low, i);
        }
        return true;
    }

    /** The slow exact path for one row, with BigDecimal's exact arithmetic and HALF_UP (= half away from zero). */
    private void exactly(long aHigh, long aLow, long bHigh, long bLow, long[] high, long[] low, int i) {
        BigDecimal a = new BigDecimal(Int128Math.toBigInteger(aHigh, aLow), plan.leftScale());
        BigDecimal b = new BigDecimal(Int128Math.toBigInteger(bHigh, bLow), plan.rightScale());
        BigDecimal exact = switch (plan.function()) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case DIVIDE -> {
                if (b.signum() == 0) {
                    throw ExpressionErrors.divisionByZero();
                }
                yield a.divide(b, plan.resultScale(), RoundingMode.HALF_UP);
            }
            case MODULO -> {
                if (b.signum() == 0) {
                    throw ExpressionErrors.divisionByZero();
                }
                yield a.remainder(b);
            }
            default -> throw new IllegalStateException(plan.function().name());
        };
        BigInteger unscaled = exact.setScale(plan.resultScale(), RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(PowersOfTen.big(plan.precision())) >= 0
                || !Int128Math.fromBigInteger(unscaled, high, low, i)) {
            throw ExpressionErrors.numericOverflow(type);
        }
    }

    private void checkPrecision(Int128Vector result, long[] high, long[] low, int rows) {
        int precision = plan.precision();
        // Any value that fits a long has at most 19 digits: only wider values need the full comparison.
        boolean longsFit = precision > PowersOfTen.MAX_LONG_EXPONENT;
        for (int i = 0; i < rows; i++) {
            if (longsFit && high[i] == (low[i] >> 63)) {
                continue;
            }
            if (!Int128Math.fitsDigits(high[i], low[i], precision) && !result.isNull(i)) {
                throw ExpressionErrors.numericOverflow(type);
            }
        }
    }

    private ColumnVector narrowIfLong(Int128Vector result, int rows) {
        if (type.physicalKind() == PhysicalKind.INT128) {
            return result;
        }
        // The precision check (or the plan's bound) guarantees at most 18 digits.
        LongVector narrow = BatchArena.longVector(rows);
        System.arraycopy(result.low(), 0, narrow.values(), 0, rows);
        narrow.setPositionCount(rows);
        NullMasks.copy(narrow, result, rows);
        return narrow;
    }
}
