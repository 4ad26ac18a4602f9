package io.basalt.storage.segment;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/** Computes the zone map of positions {@code [0, rowCount)} of a vector, one typed loop per kind. */
final class ZoneMapBuilder {

    private ZoneMapBuilder() {
    }

    static ZoneMap of(ColumnVector vector, int rowCount) {
        boolean[] nulls = vector.mayHaveNulls() ? vector.nulls() : null;
        int nullCount = 0;
        if (nulls != null) {
            for (int r = 0; r < rowCount; r++) {
                nullCount += nulls[r] ? 1 : 0;
            }
            if (nullCount == 0) {
                nulls = null;
            }
        }
        return switch (vector.kind()) {
            case LONG -> longs(((LongVector) vector).values(), nulls, rowCount, nullCount);
            case BOOLEAN -> booleans(((BooleanVector) vector).values(), nulls, rowCount, nullCount);
            case DOUBLE -> doubles(((DoubleVector) vector).values(), nulls, rowCount, nullCount);
            case INT128 -> int128s((Int128Vector) vector, nulls, rowCount, nullCount);
            case BYTES -> bytes((BytesVector) vector, nulls, rowCount, nullCount);
        };
    }

    private static ZoneMap longs(long[] values, boolean[] nulls, int rowCount, int nullCount) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int r = 0; r < rowCount; r++) {
            if (nulls == null || !nulls[r]) {
                min = Math.min(min, values[r]);
                max = Math.max(max, values[r]);
            }
        }
        return nullCount == rowCount ? new LongZoneMap(rowCount, nullCount, 0, 0) : new LongZoneMap(rowCount, nullCount, min, max);
    }

    private static ZoneMap booleans(boolean[] values, boolean[] nulls, int rowCount, int nullCount) {
        boolean anyFalse = false;
        boolean anyTrue = false;
        for (int r = 0; r < rowCount; r++) {
            if (nulls == null || !nulls[r]) {
                anyTrue |= values[r];
                anyFalse |= !values[r];
            }
        }
        return new LongZoneMap(rowCount, nullCount, anyFalse ? 0 : anyTrue ? 1 : 0, anyTrue ? 1 : 0);
    }

    private static ZoneMap doubles(double[] values, boolean[] nulls, int rowCount, int nullCount) {
        double min = Double.NaN;
        double max = Double.NaN;
        boolean hasNaN = false;
        for (int r = 0; r < rowCount; r++) {
            if (nulls == null || !nulls[r]) {
                double v = values[r];
                if (Double.isNaN(v)) {
                    hasNaN = true;
                } else if (Double.isNaN(min)) {
                    min = v;
                    max = v;
                } else {
                    min = DoubleZoneMap.totalMin(min, v);
                    max = DoubleZoneMap.totalMax(max, v);
                }
            }
        }
        return new DoubleZoneMap(rowCount, nullCount, min, max, hasNaN);
    }

    private static ZoneMap int128s(Int128Vector vector, boolean[] nulls, int rowCount, int nullCount) {
        long[] high = vector.high();
        long[] low = vector.low();
        int minAt = -1;
        int maxAt = -1;
        for (int r = 0; r < rowCount; r++) {
            if (nulls == null || !nulls[r]) {
                if (minAt < 0 || Int128ZoneMap.compare(high[r], low[r], high[minAt], low[minAt]) < 0) {
                    minAt = r;
                }
                if (maxAt < 0 || Int128ZoneMap.compare(high[r], low[r], high[maxAt], low[maxAt]) > 0) {
                    maxAt = r;
                }
            }
        }
        return minAt < 0 ? new Int128ZoneMap(rowCount, nullCount, 0, 0, 0, 0)
                : new Int128ZoneMap(rowCount, nullCount, high[minAt], low[minAt], high[maxAt], low[maxAt]);
    }

    private static ZoneMap bytes(BytesVector vector, boolean[] nulls, int rowCount, int nullCount) {
        byte[] data = vector.data();
        int[] offsets = vector.offsets();
        int minAt = -1;
        int maxAt = -1;
        for (int r = 0; r < rowCount; r++) {
            if (nulls == null || !nulls[r]) {
                if (minAt < 0 || Arrays.compareUnsigned(data, offsets[r], offsets[r + 1],
                        data, offsets[minAt], offsets[minAt + 1]) < 0) {
                    minAt = r;
                }
                if (maxAt < 0 || Arrays.compareUnsigned(data, offsets[r], offsets[r + 1],
                        data, offsets[maxAt], offsets[maxAt + 1]) > 0) {
                    maxAt = r;
                }
            }
        }
        if (minAt < 0) {
            return new BytesZoneMap(rowCount, nullCount, new byte[0], new byte[0]);
        }
        // Copy at most one byte past the bound limit: enough to know whether the value was cut.
        byte[] min = Arrays.copyOfRange(data, offsets[minAt], Math.min(offsets[minAt + 1], offsets[minAt] + BytesZoneMap.MAX_BOUND_BYTES + 1));
        byte[] max = Arrays.copyOfRange(data, offsets[maxAt], Math.min(offsets[maxAt + 1], offsets[maxAt] + BytesZoneMap.MAX_BOUND_BYTES + 1));
        return BytesZoneMap.of(rowCount, nullCount, min, max);
    }
}
