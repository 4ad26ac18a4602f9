package io.basalt.jdbc.protocol;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.BooleanColumn;
import io.basalt.jdbc.spi.DecimalColumn;
import io.basalt.jdbc.spi.DoubleColumn;
import io.basalt.jdbc.spi.LongColumn;
import io.basalt.jdbc.spi.NullColumn;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.TextColumn;
import io.basalt.jdbc.spi.WideDecimalColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * Result batches in the protocol's columnar encoding: per column a representation tag, an optional null bitmap and
 * the values as the SPI's arrays hold them (docs/protocol.md, "Result batches"). Encoding takes a row range, so the
 * server can send exactly the rows a client asked for out of a larger executor batch, without copying it first.
 */
public final class BatchCodec {

    static final int BOOLEAN = 1;
    static final int LONG = 2;
    static final int DECIMAL = 3;
    static final int WIDE_DECIMAL = 4;
    static final int DOUBLE = 5;
    static final int TEXT = 6;
    static final int NULL = 7;

    private BatchCodec() {
    }

    /** Rows {@code from .. from + count} of {@code batch}: an int32 row count, an int16 column count, the columns. */
    public static void write(MessageWriter writer, ResultBatch batch, int from, int count) {
        writer.putInt(count).putShort(batch.columnCount());
        for (BatchColumn column : batch.columns()) {
            writeColumn(writer, column, from, count);
        }
    }

    private static void writeColumn(MessageWriter writer, BatchColumn column, int from, int count) {
        writer.putByte(tag(column));
        boolean[] nulls = column.nulls();
        boolean anyNull = false;
        for (int i = 0; nulls != null && i < count && !anyNull; i++) {
            anyNull = nulls[from + i];
        }
        writer.putBoolean(anyNull);
        if (anyNull) {
            writeBitmap(writer, nulls, from, count);
        }
        if (column instanceof LongColumn) {
            writeLongs(writer, ((LongColumn) column).values(), from, count);
        } else if (column instanceof DecimalColumn) {
            writer.putInt(((DecimalColumn) column).scale());
            writeLongs(writer, ((DecimalColumn) column).unscaled(), from, count);
        } else if (column instanceof WideDecimalColumn) {
            WideDecimalColumn wide = (WideDecimalColumn) column;
            writer.putInt(wide.scale());
            for (int i = from; i < from + count; i++) {
                writer.putLong(wide.high()[i]).putLong(wide.low()[i]);
            }
        } else if (column instanceof DoubleColumn) {
            writer.putDoubles(((DoubleColumn) column).values(), from, count);
        } else if (column instanceof BooleanColumn) {
            writeBitmap(writer, ((BooleanColumn) column).values(), from, count);
        } else if (column instanceof TextColumn) {
            TextColumn text = (TextColumn) column;
            int[] offsets = text.offsets();
            int base = offsets[from];
            for (int i = from + 1; i <= from + count; i++) {
                writer.putInt(offsets[i] - base);
            }
            writer.putRaw(text.data(), base, offsets[from + count] - base);
        }
    }

    private static int tag(BatchColumn column) {
        if (column instanceof LongColumn) {
            return LONG;
        }
        if (column instanceof DecimalColumn) {
            return DECIMAL;
        }
        if (column instanceof WideDecimalColumn) {
            return WIDE_DECIMAL;
        }
        if (column instanceof DoubleColumn) {
            return DOUBLE;
        }
        if (column instanceof BooleanColumn) {
            return BOOLEAN;
        }
        if (column instanceof TextColumn) {
            return TEXT;
        }
        if (column instanceof NullColumn) {
            return NULL;
        }
        throw new IllegalArgumentException("no wire encoding for " + column.representation());
    }

    private static void writeLongs(MessageWriter writer, long[] values, int from, int count) {
        writer.putLongs(values, from, count);
    }

    /** Bit {@code i % 8} (least significant first) of byte {@code i / 8} is row {@code i}. */
    private static void writeBitmap(MessageWriter writer, boolean[] bits, int from, int count) {
        for (int start = 0; start < count; start += 8) {
            int value = 0;
            for (int bit = 0; bit < 8 && start + bit < count; bit++) {
                if (bits[from + start + bit]) {
                    value |= 1 << bit;
                }
            }
            writer.putByte(value);
        }
    }

    public static ResultBatch read(MessageReader reader) throws ProtocolException {
        int rows = reader.getInt();
        if (rows < 0) {
            throw new ProtocolException("a batch cannot have " + rows + " rows");
        }
        int columnCount = reader.getShort() & 0xffff;
        List<BatchColumn> columns = new ArrayList<>(columnCount);
        for (int c = 0; c < columnCount; c++) {
            columns.add(readColumn(reader, rows));
        }
        reader.expectEnd();
        return new ResultBatch(rows, columns);
    }

    private static BatchColumn readColumn(MessageReader reader, int rows) throws ProtocolException {
        int tag = reader.getByte();
        boolean[] nulls = reader.getBoolean() ? readBitmap(reader, rows) : null;
        switch (tag) {
            case LONG:
                return new LongColumn(readLongs(reader, rows), nulls);
            case DECIMAL:
                int scale = reader.getInt();
                return new DecimalColumn(readLongs(reader, rows), scale, nulls);
            case WIDE_DECIMAL:
                int wideScale = reader.getInt();
                long[] high = new long[rows];
                long[] low = new long[rows];
                checkRoom(reader, rows, 16);
                for (int i = 0; i < rows; i++) {
                    high[i] = reader.getLong();
                    low[i] = reader.getLong();
                }
                return new WideDecimalColumn(high, low, wideScale, nulls);
            case DOUBLE:
                return new DoubleColumn(reader.getDoubles(rows), nulls);
            case BOOLEAN:
                return new BooleanColumn(readBitmap(reader, rows), nulls);
            case TEXT:
                return readText(reader, rows, nulls);
            case NULL:
                return new NullColumn();
            default:
                throw new ProtocolException("unknown column representation " + tag + " in a result batch");
        }
    }

    private static TextColumn readText(MessageReader reader, int rows, boolean[] nulls) throws ProtocolException {
        checkRoom(reader, rows, 4);
        int[] offsets = new int[rows + 1];
        for (int i = 1; i <= rows; i++) {
            offsets[i] = reader.getInt();
            if (offsets[i] < offsets[i - 1]) {
                throw new ProtocolException("text offsets must not decrease (row " + i + ")");
            }
        }
        byte[] data = reader.getRaw(offsets[rows]);
        return new TextColumn(data, offsets, nulls);
    }

    private static long[] readLongs(MessageReader reader, int rows) throws ProtocolException {
        return reader.getLongs(rows);
    }

    private static boolean[] readBitmap(MessageReader reader, int rows) throws ProtocolException {
        byte[] bytes = reader.getRaw((rows + 7) / 8);
        boolean[] bits = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            bits[i] = (bytes[i >>> 3] & (1 << (i & 7))) != 0;
        }
        return bits;
    }

    /** Refuses a row count the rest of the message cannot hold before allocating arrays for it. */
    private static void checkRoom(MessageReader reader, int rows, int bytesPerRow) throws ProtocolException {
        reader.checkRemaining((long) rows * bytesPerRow, "a batch column of " + rows + " rows");
    }
}
