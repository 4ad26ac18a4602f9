package io.basalt.server.load;

import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes rows of text columns as CSV lines. A field is quoted when it would otherwise read back as something
 * else: when it holds the delimiter, the quote, a line break, leading or trailing blanks, or when it equals the
 * NULL string (PostgreSQL's rule, so that an empty string and NULL stay apart with the default empty NULL).
 * Inside quotes, the quote and escape characters are preceded by the escape character.
 */
final class CsvFileWriter implements AutoCloseable {

    private final OutputStream out;
    private final CsvWriteOptions options;
    private final byte[] nullBytes;

    CsvFileWriter(OutputStream out, CsvWriteOptions options) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.options = options;
        this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
    }

    void writeHeader(List<String> names) throws IOException {
        for (int c = 0; c < names.size(); c++) {
            if (c > 0) {
                out.write(options.delimiter());
            }
            byte[] name = names.get(c).getBytes(StandardCharsets.UTF_8);
            writeField(name, 0, name.length);
        }
        endLine();
    }

    /** Writes every row of a batch whose columns are all {@link BytesVector}s of text. */
    void writeRows(ColumnBatch batch) throws IOException {
        int columns = batch.columnCount();
        for (int row = 0; row < batch.rowCount(); row++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    out.write(options.delimiter());
                }
                BytesVector column = (BytesVector) batch.column(c);
                if (column.isNull(row)) {
                    out.write(nullBytes);
                } else {
                    writeField(column.data(), column.offset(row), column.length(row));
                }
            }
            endLine();
        }
    }

    private void endLine() throws IOException {
        if (options.trailingDelimiter()) {
            out.write(options.delimiter());
        }
        out.write('\n');
    }

    private void writeField(byte[] data, int offset, int length) throws IOException {
        if (!options.forceQuote() && !needsQuotes(data, offset, length)) {
            out.write(data, offset, length);
            return;
        }
        out.write(options.quote());
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == options.quote() || b == options.escape()) {
                out.write(options.escape());
            }
            out.write(b);
        }
        out.write(options.quote());
    }

    private boolean needsQuotes(byte[] data, int offset, int length) {
        if (length == nullBytes.length && Arrays.equals(data, offset, offset + length, nullBytes, 0, length)) {
            return true;
        }
        if (length > 0 && (data[offset] == ' ' || data[offset + length - 1] == ' ')) {
            return true;
        }
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == options.delimiter() || b == options.quote() || b == options.escape() || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
