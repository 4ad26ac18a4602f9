package io.basalt.storage.segment;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A HyperLogLog sketch of a column's distinct non-null values: 2^10 one-byte registers (about 3% standard
 * error). The registers are stored in the segment footer so that sketches of many segments can be merged
 * (register-wise maximum) into a table-wide estimate without reading data. For that to work across files
 * and versions the value hashes are part of the file format; they are specified in
 * {@code docs/storage-format.md} and must not change.
 */
public final class DistinctCountSketch {

    public static final int LOG2_REGISTERS = 10;
    public static final int REGISTER_COUNT = 1 << LOG2_REGISTERS;
    /** The largest rank a register can hold: a 54-bit remainder of zeros, plus one. */
    public static final int MAX_RANK = 64 - LOG2_REGISTERS + 1;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] registers;

    public DistinctCountSketch() {
        this.registers = new byte[REGISTER_COUNT];
    }

    private DistinctCountSketch(byte[] registers) {
        this.registers = registers;
    }

    /** A sketch from stored registers; every register must be at most {@link #MAX_RANK}. */
    public static DistinctCountSketch fromRegisters(byte[] registers) {
        if (registers.length != REGISTER_COUNT) {
            throw new IllegalArgumentException("a sketch has " + REGISTER_COUNT + " registers, got " + registers.length);
        }
        for (byte register : registers) {
            if (register < 0 || register > MAX_RANK) {
                throw new IllegalArgumentException("sketch register " + register + " is above " + MAX_RANK);
            }
        }
        return new DistinctCountSketch(registers.clone());
    }

    public byte[] registers() {
        return registers.clone();
    }

    public DistinctCountSketch copy() {
        return new DistinctCountSketch(registers.clone());
    }

    public void addHash(long hash) {
        int index = (int) (hash >>> (64 - LOG2_REGISTERS));
        long rest = hash << LOG2_REGISTERS;
        int rank = rest == 0 ? MAX_RANK : Long.numberOfLeadingZeros(rest) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** Adds the non-null values at positions {@code [0, rowCount)} of a vector. */
    public void addAll(ColumnVector vector, int rowCount) {
        boolean[] nulls = vector.mayHaveNulls() ? vector.nulls() : null;
        switch (vector.kind()) {
            case LONG -> {
                long[] values = ((LongVector) vector).values();
                for (int r = 0; r < rowCount; r++) {
                    if (nulls == null || !nulls[r]) {
                        addHash(hashLong(values[r]));
                    }
                }
            }
            case DOUBLE -> {
                double[] values = ((DoubleVector) vector).values();
                for (int r = 0; r < rowCount; r++) {
                    if (nulls == null || !nulls[r]) {
                        addHash(hashDouble(values[r]));
                    }
                }
            }
            case BOOLEAN -> {
                boolean[] values = ((BooleanVector) vector).values();
                for (int r = 0; r < rowCount; r++) {
                    if (nulls == null || !nulls[r]) {
                        addHash(hashLong(values[r] ? 1 : 0));
                    }
                }
            }
            case INT128 -> {
                long[] high = ((Int128Vector) vector).high();
                long[] low = ((Int128Vector) vector).low();
                for (int r = 0; r < rowCount; r++) {
                    if (nulls == null || !nulls[r]) {
                        addHash(hashInt128(high[r], low[r]));
                    }
                }
            }
            case BYTES -> {
                BytesVector bytes = (BytesVector) vector;
                for (int r = 0; r < rowCount; r++) {
                    if (nulls == null || !nulls[r]) {
                        addHash(hashBytes(bytes.data(), bytes.offset(r), bytes.length(r)));
                    }
                }
            }
        }
    }

    /** Adds the value at {@code position} of a vector, which must not be NULL (per-row use: APPROX_COUNT_DISTINCT). */
    public void add(ColumnVector vector, int position) {
        addHash(switch (vector.kind()) {
            case LONG -> hashLong(((LongVector) vector).get(position));
            case DOUBLE -> hashDouble(((DoubleVector) vector).get(position));
            case BOOLEAN -> hashLong(((BooleanVector) vector).get(position) ? 1 : 0);
            case INT128 -> hashInt128(((Int128Vector) vector).high()[position], ((Int128Vector) vector).low()[position]);
            case BYTES -> hashBytes(((BytesVector) vector).data(), ((BytesVector) vector).offset(position),
                    ((BytesVector) vector).length(position));
        });
    }

    /** Folds another sketch in: afterwards this one estimates the distinct values of both. */
    public void merge(DistinctCountSketch other) {
        for (int i = 0; i < REGISTER_COUNT; i++) {
            registers[i] = (byte) Math.max(registers[i], other.registers[i]);
        }
    }

    /** The estimated number of distinct values (HyperLogLog with linear counting for small sets). */
    public long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += Math.scalb(1.0, -register);
            zeros += register == 0 ? 1 : 0;
        }
        double m = REGISTER_COUNT;
        double alpha = 0.7213 / (1 + 1.079 / m);
        double estimate = alpha * m * m / sum;
        if (estimate <= 2.5 * m && zeros > 0) {
            estimate = m * Math.log(m / zeros);
        }
        return Math.round(estimate);
    }

    /** SplitMix64's finalizer: a bijective 64-bit mixer with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long hashLong(long value) {
        return mix(value);
    }

    /** -0.0 hashes like 0.0 and every NaN alike, because SQL counts them as one value each. */
    public static long hashDouble(double value) {
        return mix(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
    }

    public static long hashInt128(long high, long low) {
        return mix(high ^ mix(low));
    }

    /** Mixes in the length, then each little-endian 8-byte word, then the zero-padded tail, if any. */
    public static long hashBytes(byte[] data, int offset, int length) {
        long h = mix(length);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = mix(h ^ (long) LONG.get(data, offset + i));
        }
        if (i < length) {
            long tail = 0;
            for (int b = 0; i + b < length; b++) {
                tail |= (data[offset + i + b] & 0xFFL) << (b << 3);
            }
            h = mix(h ^ tail);
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistinctCountSketch that && Arrays.equals(registers, that.registers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(registers);
    }

    @Override
    public String toString() {
        return "DistinctCountSketch[estimate=" + estimate() + "]";
    }
}
