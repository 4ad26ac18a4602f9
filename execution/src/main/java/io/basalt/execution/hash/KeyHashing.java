package io.basalt.execution.hash;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Hashes of multi-column keys, computed column by column in one typed loop per column (no per-row
 * dispatch). Values that SQL considers equal hash equally: -0.0 and 0.0, every NaN; NULLs hash to a
 * constant, so grouping can treat NULL as one value (joins drop NULL keys before hashing).
 */
public final class KeyHashing {

    private static final long SEED = 0x2545F4914F6CDD1DL;
    private static final long NULL_HASH = 0x61C8864680B583EBL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private KeyHashing() {
    }

    /** {@code hashes[i]} = the hash of the key at row {@code positions[i]}. */
    public static void hash(ColumnVector[] keys, int[] positions, int count, long[] hashes) {
        java.util.Arrays.fill(hashes, 0, count, SEED);
        for (ColumnVector key : keys) {
            combine(key, positions, count, hashes);
        }
    }

    /** The hash of every row's key, the key being columns {@code keyColumns} of {@code batch}. */
    public static long[] hashRows(ColumnBatch batch, int[] keyColumns) {
        int rows = batch.rowCount();
        ColumnVector[] keys = new ColumnVector[keyColumns.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = batch.column(keyColumns[k]);
        }
        long[] hashes = new long[rows];
        int[] positions = new int[rows];
        for (int row = 0; row < rows; row++) {
            positions[row] = row;
        }
        hash(keys, positions, rows, hashes);
        return hashes;
    }

    /** The hash of one LONG key, the same as {@link #hash} computes for a one-column LONG key. */
    public static long hashLong(long value) {
        return SEED * 31 + mix(value);
    }

    private static void combine(ColumnVector key, int[] positions, int count, long[] hashes) {
        if (key instanceof LongVector longs) {
            long[] values = longs.values();
            for (int i = 0; i < count; i++) {
                hashes[i] = hashes[i] * 31 + mix(values[positions[i]]);
            }
        } else if (key instanceof DoubleVector doubles) {
            double[] values = doubles.values();
            for (int i = 0; i < count; i++) {
                hashes[i] = hashes[i] * 31 + mix(doubleBits(values[positions[i]]));
            }
        } else if (key instanceof BooleanVector booleans) {
            boolean[] values = booleans.values();
            for (int i = 0; i < count; i++) {
                hashes[i] = hashes[i] * 31 + mix(values[positions[i]] ? 1 : 2);
            }
        } else if (key instanceof Int128Vector wide) {
            long[] high = wide.high();
            long[] low = wide.low();
            for (int i = 0; i < count; i++) {
                int row = positions[i];
                hashes[i] = hashes[i] * 31 + mix(high[row] * 31 + mix(low[row]));
            }
        } else {
            BytesVector bytes = (BytesVector) key;
            byte[] data = bytes.data();
            int[] offsets = bytes.offsets();
            for (int i = 0; i < count; i++) {
                int row = positions[i];
                hashes[i] = hashes[i] * 31 + hashBytes(data, offsets[row], offsets[row + 1] - offsets[row]);
            }
        }
        if (key.mayHaveNulls()) {
            // Redo the null rows: their value slots hold arbitrary data.
            boolean[] nulls = key.nulls();
            for (int i = 0; i < count; i++) {
                if (nulls[positions[i]]) {
                    hashes[i] = rehashAsNull(key, positions[i], hashes[i]);
                }
            }
        }
    }

    /** Replaces the contribution of a NULL row's value slot with the NULL constant. */
    private static long rehashAsNull(ColumnVector key, int row, long hash) {
        long contribution;
        if (key instanceof LongVector longs) {
            contribution = mix(longs.values()[row]);
        } else if (key instanceof DoubleVector doubles) {
            contribution = mix(doubleBits(doubles.values()[row]));
        } else if (key instanceof BooleanVector booleans) {
            contribution = mix(booleans.values()[row] ? 1 : 2);
        } else if (key instanceof Int128Vector wide) {
            contribution = mix(wide.high()[row] * 31 + mix(wide.low()[row]));
        } else {
            BytesVector bytes = (BytesVector) key;
            contribution = hashBytes(bytes.data(), bytes.offset(row), bytes.length(row));
        }
        return hash - contribution + NULL_HASH;
    }

    /** Canonical bits: -0.0 as 0.0 and one NaN, since SQL finds them equal. */
    static long doubleBits(double value) {
        return value == 0.0 ? 0L : Double.doubleToLongBits(value);
    }

    public static long hashBytes(byte[] data, int offset, int length) {
        long hash = SEED ^ length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            hash = (hash ^ mix((long) LONGS.get(data, offset + i))) * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            tail |= (data[offset + i] & 0xFFL) << shift;
        }
        return mix(hash ^ tail);
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    public static long mix(long value) {
        value ^= value >>> 33;
        value *= 0xFF51AFD7ED558CCDL;
        value ^= value >>> 33;
        value *= 0xC4CEB9FE1A85EC53L;
        value ^= value >>> 33;
        return value;
    }
}
