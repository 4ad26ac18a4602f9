package io.basalt.jdbc.spi;

import java.nio.charset.StandardCharsets;

/**
 * CHAR and VARCHAR values as UTF-8 in one byte arena: row {@code i} is
 * {@code data[offsets[i] .. offsets[i + 1])}, so {@code offsets} has at least rowCount + 1 entries and is
 * non-decreasing. A NULL row may take an empty slot. This is the layout of the storage module's
 * {@code BytesVector}, and what the wire protocol sends, so text is never decoded unless it is read.
 */
public final class TextColumn extends BatchColumn {

    private final byte[] data;
    private final int[] offsets;

    public TextColumn(byte[] data, int[] offsets, boolean[] nulls) {
        super(nulls);
        this.data = required(data, "data");
        this.offsets = required(offsets, "offsets");
    }

    /** A column holding {@code values}; a null element is a NULL row. Convenient for small results. */
    public static TextColumn of(String... values) {
        byte[][] encoded = new byte[values.length][];
        boolean[] nulls = null;
        int total = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                if (nulls == null) {
                    nulls = new boolean[values.length];
                }
                nulls[i] = true;
                encoded[i] = new byte[0];
            } else {
                encoded[i] = values[i].getBytes(StandardCharsets.UTF_8);
            }
            total += encoded[i].length;
        }
        byte[] data = new byte[total];
        int[] offsets = new int[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(encoded[i], 0, data, offsets[i], encoded[i].length);
            offsets[i + 1] = offsets[i] + encoded[i].length;
        }
        return new TextColumn(data, offsets, nulls);
    }

    public byte[] data() {
        return data;
    }

    public int[] offsets() {
        return offsets;
    }

    /** Decodes row {@code row}. */
    public String get(int row) {
        int start = offsets[row];
        return new String(data, start, offsets[row + 1] - start, StandardCharsets.UTF_8);
    }

    @Override
    public int capacity() {
        return capacity(offsets.length - 1);
    }

    @Override
    public String representation() {
        return "TextColumn";
    }
}
