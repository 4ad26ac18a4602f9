package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code IN(value, c1, c2, …)} against constants. Short lists are tested with one pass per constant (each a
 * vectorisable compare-and-or); lists longer than {@link #LINEAR_LIMIT} go through a hash set. SQL's
 * three-valued result: TRUE when a constant equals the value, otherwise NULL when the value or any constant
 * is NULL, otherwise FALSE. A list that is not all constants is compiled as the equivalent OR of equalities.
 */
final class InListCompiler {

    static final int LINEAR_LIMIT = 8;

    private InListCompiler() {
    }

    static CompiledExpression compile(Call call) {
        Operand value = ExpressionCompiler.compileOperand(call.argument(0));
        List<Operand> constants = new ArrayList<>();
        for (int k = 1; k < call.arguments().size(); k++) {
            Operand constant = ExpressionCompiler.compileOperand(call.argument(k));
            if (!constant.isConstant()) {
                return ExpressionCompiler.compile(asDisjunction(call));
            }
            constants.add(constant);
        }
        if (value.isNullConstant()) {
            return Operand.of(Literal.nullOf(LogicalType.BOOLEAN)).expression();
        }
        boolean listHasNull = false;
        boolean exactValue = NumericTypes.isExact(value.type());
        LogicalType common = value.type();
        List<Operand> present = new ArrayList<>();
        for (Operand constant : constants) {
            if (constant.isNullConstant()) {
                listHasNull = true;
            } else if (exactValue && NumericTypes.isExact(constant.type())) {
                // Compare in the value's own type: a constant it cannot hold exactly (1.234 against a
                // DECIMAL(5,2), 10^20 against a BIGINT) can never be equal and is dropped.
                Operand exact = CommonTypes.exactlyAs(constant, value.type());
                if (exact != null) {
                    present.add(exact);
                }
            } else {
                present.add(constant);
                common = CommonTypes.common(common, constant.type());
            }
        }
        Operand subject = CommonTypes.convert(value, common);
        List<Object> values = new ArrayList<>();
        for (Operand constant : present) {
            values.add(CommonTypes.convert(constant, common).value());
        }
        return kernel(subject, common.physicalKind(), values, listHasNull);
    }

    private static Expression asDisjunction(Call call) {
        List<Expression> equalities = new ArrayList<>();
        for (int k = 1; k < call.arguments().size(); k++) {
            equalities.add(Call.of(Function.EQUAL, LogicalType.BOOLEAN, call.argument(0), call.argument(k)));
        }
        return equalities.size() == 1 ? equalities.get(0) : new Call(Function.OR, equalities, LogicalType.BOOLEAN);
    }

    private static CompiledExpression kernel(Operand subject, PhysicalKind kind, List<Object> values, boolean listHasNull) {
        Matcher matcher = matcher(kind, values);
        return input -> {
            ColumnVector vector = subject.evaluate(input);
            int rows = input.rowCount();
            BooleanVector result = new BooleanVector(rows);
            result.setPositionCount(rows);
            boolean[] out = result.values();
            matcher.match(vector, out, rows);
            if (listHasNull) {
                // Not found is unknown rather than false: NULL might have been equal.
                for (int i = 0; i < rows; i++) {
                    if (!out[i]) {
                        result.setNull(i, true);
                    }
                }
            }
            if (vector.mayHaveNulls()) {
                for (int i = 0; i < rows; i++) {
                    if (vector.isNull(i)) {
                        result.setNull(i, true);
                    }
                }
            }
            return result;
        };
    }

    /** Sets {@code out[i]} when row i's value is in the list (NULL rows are masked afterwards). */
    private interface Matcher {
        void match(ColumnVector vector, boolean[] out, int rows);
    }

    private static Matcher matcher(PhysicalKind kind, List<Object> values) {
        int count = values.size();
        switch (kind) {
            case LONG -> {
                long[] constants = new long[count];
                for (int k = 0; k < count; k++) {
                    constants[k] = (Long) values.get(k);
                }
                return longMatcher(constants);
            }
            case DOUBLE -> {
                // Compare canonical bits: -0.0 is 0.0 and every NaN is the one NaN, as in the total order.
                long[] constants = new long[count];
                for (int k = 0; k < count; k++) {
                    constants[k] = canonicalBits((Double) values.get(k));
                }
                LongHashSet set = new LongHashSet(constants);
                return (vector, out, rows) -> {
                    double[] x = ((DoubleVector) vector).values();
                    for (int i = 0; i < rows; i++) {
                        out[i] = set.contains(canonicalBits(x[i]));
                    }
                };
            }
            case BYTES -> {
                byte[][] constants = new byte[count][];
                for (int k = 0; k < count; k++) {
                    constants[k] = ((String) values.get(k)).getBytes(StandardCharsets.UTF_8);
                }
                return bytesMatcher(constants);
            }
            case INT128 -> {
                long[] highs = new long[count];
                long[] lows = new long[count];
                for (int k = 0; k < count; k++) {
                    BigInteger value = (BigInteger) values.get(k);
                    highs[k] = value.shiftRight(64).longValue();
                    lows[k] = value.longValue();
                }
                return (vector, out, rows) -> {
                    Int128Vector wide = (Int128Vector) vector;
                    long[] high = wide.high();
                    long[] low = wide.low();
                    for (int k = 0; k < count; k++) {
                        long constantHigh = highs[k];
                        long constantLow = lows[k];
                        for (int i = 0; i < rows; i++) {
                            out[i] |= high[i] == constantHigh & low[i] == constantLow;
                        }
                    }
                };
            }
            default -> {
                boolean hasTrue = values.contains(Boolean.TRUE);
                boolean hasFalse = values.contains(Boolean.FALSE);
                return (vector, out, rows) -> {
                    boolean[] x = ((BooleanVector) vector).values();
                    for (int i = 0; i < rows; i++) {
                        out[i] = x[i] ? hasTrue : hasFalse;
                    }
                };
            }
        }
    }

    private static Matcher longMatcher(long[] constants) {
        if (constants.length > LINEAR_LIMIT) {
            LongHashSet set = new LongHashSet(constants);
            return (vector, out, rows) -> {
                long[] x = ((LongVector) vector).values();
                for (int i = 0; i < rows; i++) {
                    out[i] = set.contains(x[i]);
                }
            };
        }
        return (vector, out, rows) -> {
            long[] x = ((LongVector) vector).values();
            for (long constant : constants) {
                for (int i = 0; i < rows; i++) {
                    out[i] |= x[i] == constant;
                }
            }
        };
    }

    /** Text is matched once per dictionary entry when the vector came from one ({@link DictionaryEntryTests}). */
    private static Matcher bytesMatcher(byte[][] constants) {
        DictionaryEntryTests.BytesTest test = bytesTest(constants);
        return (vector, out, rows) -> DictionaryEntryTests.test((BytesVector) vector, out, rows, test);
    }

    private static DictionaryEntryTests.BytesTest bytesTest(byte[][] constants) {
        if (constants.length > LINEAR_LIMIT) {
            BytesHashSet set = new BytesHashSet(constants);
            return (text, out, rows) -> {
                byte[] data = text.data();
                int[] offsets = text.offsets();
                for (int i = 0; i < rows; i++) {
                    out[i] = set.contains(data, offsets[i], offsets[i + 1]);
                }
            };
        }
        if (Arrays.stream(constants).allMatch(constant -> constant.length <= ShortTextKeys.MAX_LENGTH)) {
            return shortBytesTest(constants);
        }
        return (text, out, rows) -> {
            byte[] data = text.data();
            int[] offsets = text.offsets();
            for (byte[] constant : constants) {
                int length = constant.length;
                for (int i = 0; i < rows; i++) {
                    int start = offsets[i];
                    int end = offsets[i + 1];
                    out[i] |= end - start == length && java.util.Arrays.equals(data, start, end, constant, 0, length);
                }
            }
        };
    }

    /**
     * A short list of constants of at most eight bytes each ({@link ShortTextKeys}): a value longer than eight bytes
     * matches none, a shorter one is read once and compared with each constant's length and bits.
     */
    private static DictionaryEntryTests.BytesTest shortBytesTest(byte[][] constants) {
        long[] keys = new long[constants.length];
        int[] lengths = new int[constants.length];
        for (int k = 0; k < constants.length; k++) {
            keys[k] = ShortTextKeys.of(constants[k]);
            lengths[k] = constants[k].length;
        }
        return (text, out, rows) -> {
            byte[] data = text.data();
            int[] offsets = text.offsets();
            for (int i = 0; i < rows; i++) {
                int start = offsets[i];
                int length = offsets[i + 1] - start;
                if (length > ShortTextKeys.MAX_LENGTH) {
                    out[i] = false;
                    continue;
                }
                long key = ShortTextKeys.of(data, start, length);
                boolean found = false;
                for (int k = 0; k < keys.length; k++) {
                    found |= length == lengths[k] & key == keys[k];
                }
                out[i] = found;
            }
        };
    }

    private static long canonicalBits(double value) {
        return Double.doubleToLongBits(value == 0 ? 0.0 : value);
    }
}
