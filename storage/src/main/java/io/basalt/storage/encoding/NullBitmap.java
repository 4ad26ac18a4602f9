package io.basalt.storage.encoding;

/**
 * A block's null positions, one bit per row: bit {@code r} (bit {@code r % 8} of byte {@code r / 8}) is 1
 * when row {@code r} is null. Encodings only ever see the non-null values, packed together; these helpers
 * move values between the row layout of a vector and that dense layout.
 */
public final class NullBitmap {

    private NullBitmap() {
    }

    public static int byteLength(int rowCount) {
        return (rowCount + 7) >>> 3;
    }

    public static void write(ByteSink out, boolean[] nulls, int rowCount) {
        int bytes = byteLength(rowCount);
        for (int b = 0; b < bytes; b++) {
            int bits = 0;
            int base = b << 3;
            int end = Math.min(8, rowCount - base);
            for (int i = 0; i < end; i++) {
                if (nulls[base + i]) {
                    bits |= 1 << i;
                }
            }
            out.writeByte(bits);
        }
    }

    /**
     * Reads the bitmap into {@code nulls[0, rowCount)} and returns the number of nulls. Bits past the last
     * row must be zero; anything else means the bytes are not what was written.
     */
    public static int read(ByteSource in, int rowCount, boolean[] nulls) {
        int bytes = byteLength(rowCount);
        int start = in.skip(bytes, "null bitmap");
        byte[] array = in.array();
        int nullCount = 0;
        for (int r = 0; r < rowCount; r++) {
            boolean isNull = (array[start + (r >>> 3)] & (1 << (r & 7))) != 0;
            nulls[r] = isNull;
            nullCount += isNull ? 1 : 0;
        }
        if ((rowCount & 7) != 0 && (array[start + bytes - 1] & 0xFF) >>> (rowCount & 7) != 0) {
            throw new BlockFormatException("null bitmap has bits set past row " + rowCount);
        }
        return nullCount;
    }

    /** Copies the non-null values of {@code values[0, rowCount)} to the front of a new array. */
    public static long[] compact(long[] values, boolean[] nulls, int rowCount, int valueCount) {
        long[] dense = new long[valueCount];
        int j = 0;
        for (int r = 0; r < rowCount; r++) {
            if (!nulls[r]) {
                dense[j++] = values[r];
            }
        }
        return dense;
    }

    public static boolean[] compact(boolean[] values, boolean[] nulls, int rowCount, int valueCount) {
        boolean[] dense = new boolean[valueCount];
        int j = 0;
        for (int r = 0; r < rowCount; r++) {
            if (!nulls[r]) {
                dense[j++] = values[r];
            }
        }
        return dense;
    }

    /**
     * Spreads {@code values[0, valueCount)} over the non-null rows of {@code values[0, rowCount)}, in place,
     * back to front (a value only ever moves right, so nothing is overwritten before it is moved). Null rows
     * get 0 so that their content is deterministic.
     */
    public static void scatter(long[] values, int valueCount, boolean[] nulls, int rowCount) {
        int j = valueCount - 1;
        for (int r = rowCount - 1; r >= 0; r--) {
            if (nulls[r]) {
                values[r] = 0;
            } else {
                values[r] = values[j--];
            }
        }
    }

    public static void scatter(double[] values, int valueCount, boolean[] nulls, int rowCount) {
        int j = valueCount - 1;
        for (int r = rowCount - 1; r >= 0; r--) {
            if (nulls[r]) {
                values[r] = 0;
            } else {
                values[r] = values[j--];
            }
        }
    }

    public static void scatter(boolean[] values, int valueCount, boolean[] nulls, int rowCount) {
        int j = valueCount - 1;
        for (int r = rowCount - 1; r >= 0; r--) {
            if (nulls[r]) {
                values[r] = false;
            } else {
                values[r] = values[j--];
            }
        }
    }
}
