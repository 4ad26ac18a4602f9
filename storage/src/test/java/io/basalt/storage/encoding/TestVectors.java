package io.basalt.storage.encoding;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds vectors from boxed values ({@code null} = SQL NULL) and compares vectors exactly; shared by the storage tests. */
public final class TestVectors {

    private TestVectors() {
    }

    public static LongVector longs(Long... values) {
        LongVector vector = new LongVector(values.length);
        for (Long value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    public static LongVector longs(long[] values) {
        LongVector vector = new LongVector(values.length);
        System.arraycopy(values, 0, vector.values(), 0, values.length);
        vector.setPositionCount(values.length);
        return vector;
    }

    public static DoubleVector doubles(Double... values) {
        DoubleVector vector = new DoubleVector(values.length);
        for (Double value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    public static DoubleVector doubles(double[] values) {
        DoubleVector vector = new DoubleVector(values.length);
        System.arraycopy(values, 0, vector.values(), 0, values.length);
        vector.setPositionCount(values.length);
        return vector;
    }

    public static BooleanVector booleans(Boolean... values) {
        BooleanVector vector = new BooleanVector(values.length);
        for (Boolean value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    public static Int128Vector int128s(BigInteger... values) {
        Int128Vector vector = new Int128Vector(values.length);
        for (BigInteger value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    public static BytesVector strings(String... values) {
        BytesVector vector = new BytesVector(values.length, 16);
        for (String value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        return vector;
    }

    public static BytesVector bytes(byte[]... values) {
        BytesVector vector = new BytesVector(values.length, 16);
        for (byte[] value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    /** Sets every position whose index satisfies {@code i % every == phase} to null. */
    public static <V extends ColumnVector> V withNullsEvery(V vector, int every, int phase) {
        for (int i = 0; i < vector.positionCount(); i++) {
            if (i % every == phase) {
                vector.setNull(i, true);
            }
        }
        return vector;
    }

    /** Same positions, same nulls, and bit-identical values at every non-null position. */
    public static void assertSameValues(ColumnVector actual, ColumnVector expected) {
        assertThat(actual.kind()).isEqualTo(expected.kind());
        assertThat(actual.positionCount()).as("position count").isEqualTo(expected.positionCount());
        for (int i = 0; i < expected.positionCount(); i++) {
            // Plain comparisons first: AssertJ per value would dominate the run time of large tests.
            if (actual.isNull(i) != expected.isNull(i)) {
                assertThat(actual.isNull(i)).as("null at %d", i).isEqualTo(expected.isNull(i));
            }
            if (!expected.isNull(i) && !sameValue(actual, expected, i)) {
                assertThat(describe(actual, i)).as("value at %d", i).isEqualTo(describe(expected, i));
            }
        }
    }

    private static boolean sameValue(ColumnVector actual, ColumnVector expected, int i) {
        return switch (expected.kind()) {
            case LONG -> ((LongVector) actual).get(i) == ((LongVector) expected).get(i);
            case DOUBLE -> Double.doubleToRawLongBits(((DoubleVector) actual).get(i))
                    == Double.doubleToRawLongBits(((DoubleVector) expected).get(i));
            case BOOLEAN -> ((BooleanVector) actual).get(i) == ((BooleanVector) expected).get(i);
            case INT128 -> ((Int128Vector) actual).high()[i] == ((Int128Vector) expected).high()[i]
                    && ((Int128Vector) actual).low()[i] == ((Int128Vector) expected).low()[i];
            case BYTES -> Arrays.equals(((BytesVector) actual).getBytes(i), ((BytesVector) expected).getBytes(i));
        };
    }

    private static String describe(ColumnVector vector, int i) {
        return switch (vector.kind()) {
            case LONG -> Long.toString(((LongVector) vector).get(i));
            case DOUBLE -> ((DoubleVector) vector).get(i) + " bits " + Long.toHexString(Double.doubleToRawLongBits(((DoubleVector) vector).get(i)));
            case BOOLEAN -> Boolean.toString(((BooleanVector) vector).get(i));
            case INT128 -> ((Int128Vector) vector).getBigInteger(i).toString();
            case BYTES -> {
                byte[] bytes = ((BytesVector) vector).getBytes(i);
                yield HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 256)) + " (length " + bytes.length + ")";
            }
        };
    }

    /** Positions {@code [from, from + count)} of a vector as a new vector. */
    public static ColumnVector slice(ColumnVector source, int from, int count) {
        ColumnVector target = ColumnVector.create(source.kind(), count);
        for (int i = from; i < from + count; i++) {
            target.appendFrom(source, i);
        }
        return target;
    }
}
