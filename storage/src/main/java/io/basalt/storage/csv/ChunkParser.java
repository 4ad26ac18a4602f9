package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one {@link Chunk} into column batches: splits records into fields (quotes, escapes, line ends) and
 * hands each field's bytes to its column's {@link ColumnDecoder}. Fields are passed as ranges of the chunk's
 * buffer; only a quoted field with escaped quotes is first copied, to a reused scratch buffer, to unescape it.
 *
 * <p>Records end at {@code \n}; a {@code \r} before it is dropped, so CRLF files read the same. Inside quotes,
 * line breaks are data. The first problem stops the chunk with a {@link CsvFormatException}; rows before it
 * in the chunk are discarded with it. Not thread-safe: a parser serves one chunk at a time.
 */
final class ChunkParser {

    private static final int MIN_BATCH_CAPACITY = 16;
    private static final long NEWLINE_PATTERN = ByteSearch.broadcast((byte) '\n');

    private final Path file;
    private final List<CsvColumn> columns;
    private final int columnCount;
    private final ColumnDecoder[] decoders;
    private final int batchSize;
    private final boolean skipHeader;
    private final byte delimiter;
    private final long delimiterPattern;
    private final byte quote;
    private final byte escape;
    private final boolean escapeDiffersFromQuote;
    private final byte[] nullString;
    private final boolean allowTrailingDelimiter;

    private byte[] data;
    private int end;
    /** The 1-based line of the byte being parsed. */
    private long line;

    // The field just read: its value is fieldBytes[fieldStart, fieldEnd).
    private byte[] fieldBytes;
    private int fieldStart;
    private int fieldEnd;
    private boolean fieldQuoted;

    private byte[] scratch = new byte[256];
    private int scratchLength;

    ChunkParser(Path file, List<CsvColumn> columns, CsvOptions options, int batchSize) {
        this.file = file;
        this.columns = columns;
        this.columnCount = columns.size();
        this.decoders = new ColumnDecoder[columnCount];
        for (int i = 0; i < columnCount; i++) {
            decoders[i] = ColumnDecoder.create(columns.get(i).type(), options);
        }
        this.batchSize = batchSize;
        this.skipHeader = options.header();
        this.delimiter = (byte) options.delimiter();
        this.delimiterPattern = ByteSearch.broadcast(delimiter);
        this.quote = (byte) options.quote();
        this.escape = (byte) options.escape();
        this.escapeDiffersFromQuote = options.escape() != options.quote();
        this.nullString = options.nullStringBytes();
        this.allowTrailingDelimiter = options.allowTrailingDelimiter();
    }

    /**
     * Parses every record of {@code chunk}. {@code expectedRows} sizes the first batch's vectors (a guess;
     * vectors grow if it is low).
     */
    List<ColumnBatch> parse(Chunk chunk, int expectedRows) {
        data = chunk.data();
        end = chunk.end();
        line = chunk.firstLine();
        int position = chunk.start();
        if (chunk.index() == 0 && skipHeader && position < end) {
            position = skipRecord(position);
        }
        List<ColumnBatch> batches = new ArrayList<>();
        int batchStart = position;
        int capacity = Math.max(MIN_BATCH_CAPACITY, Math.min(batchSize, expectedRows));
        int rows = 0;
        while (position < end) {
            if (rows == 0) {
                startBatch(capacity);
            }
            position = parseRecord(position);
            if (++rows == batchSize) {
                batches.add(finishBatch(rows));
                // Size the next batch from this chunk's own bytes per row.
                long remaining = (long) (end - position) * rows / Math.max(1, position - batchStart) + MIN_BATCH_CAPACITY;
                capacity = (int) Math.min(batchSize, remaining);
                batchStart = position;
                rows = 0;
            }
        }
        if (rows > 0) {
            batches.add(finishBatch(rows));
        }
        data = null;
        fieldBytes = null;
        return batches;
    }

    private void startBatch(int capacity) {
        for (ColumnDecoder decoder : decoders) {
            decoder.start(capacity);
        }
    }

    private ColumnBatch finishBatch(int rows) {
        ColumnVector[] vectors = new ColumnVector[columnCount];
        for (int i = 0; i < columnCount; i++) {
            vectors[i] = decoders[i].finish();
        }
        return new ColumnBatch(rows, Arrays.asList(vectors));
    }

    /** Parses the record at {@code position} into the current batch; returns where the next one starts. */
    private int parseRecord(int position) {
        int recordStart = position;
        long recordLine = line;
        int column = 0;
        while (true) {
            long fieldLine = line;
            int terminator = readField(position, column);
            boolean recordEnds = terminator == end || data[terminator] == '\n';
            if (column < columnCount) {
                store(column, fieldLine);
            } else if (!(column == columnCount && allowTrailingDelimiter && recordEnds && !fieldQuoted
                    && fieldStart == fieldEnd)) {
                throw structural(fieldLine, column + 1, "extra data after the last expected column",
                        recordStart, lineEnd(recordStart));
            }
            column++;
            if (recordEnds) {
                if (terminator < end) {
                    line++;
                    terminator++;
                }
                if (column < columnCount) {
                    throw structural(recordLine, column + 1, "missing data: the line has " + column
                            + (column == 1 ? " field" : " fields") + " but " + columnCount + " columns are expected",
                            recordStart, lineEnd(recordStart));
                }
                return terminator;
            }
            position = terminator + 1;
        }
    }

    /** Skips the header record, reading it with the same quoting rules as data so both agree where it ends. */
    private int skipRecord(int position) {
        int column = 0;
        while (true) {
            int terminator = readField(position, column++);
            if (terminator == end) {
                return end;
            }
            if (data[terminator] == '\n') {
                line++;
                return terminator + 1;
            }
            position = terminator + 1;
        }
    }

    private void store(int column, long fieldLine) {
        ColumnDecoder decoder = decoders[column];
        if (!fieldQuoted && isNullString()) {
            decoder.appendNull();
            return;
        }
        try {
            decoder.decode(fieldBytes, fieldStart, fieldEnd);
        } catch (ValueFormatException e) {
            throw new CsvFormatException(e.sqlState(), file, fieldLine, column + 1, columns.get(column).name(),
                    e.problem(), CsvFormatException.excerpt(fieldBytes, fieldStart, fieldEnd));
        }
    }

    private boolean isNullString() {
        int length = fieldEnd - fieldStart;
        return length == nullString.length
                && (length == 0 || Arrays.equals(fieldBytes, fieldStart, fieldEnd, nullString, 0, length));
    }

    /**
     * Reads the field starting at {@code position} (the 0-based {@code column} is for error messages) and
     * returns the index of the byte that ends it: a delimiter, a {@code \n}, or {@link #end}.
     */
    private int readField(int position, int column) {
        if (position < end && data[position] == quote) {
            return readQuotedField(position, column);
        }
        byte[] bytes = data;
        int limit = end;
        byte delimiterByte = delimiter;
        int terminator = position;
        // Eight bytes at a time while a whole word fits, then byte by byte.
        while (true) {
            if (terminator + Long.BYTES <= limit) {
                long word = ByteSearch.word(bytes, terminator);
                long found = ByteSearch.matches(word, delimiterPattern) | ByteSearch.matches(word, NEWLINE_PATTERN);
                if (found != 0) {
                    terminator += ByteSearch.firstIndex(found);
                    break;
                }
                terminator += Long.BYTES;
            } else {
                while (terminator < limit && bytes[terminator] != delimiterByte && bytes[terminator] != '\n') {
                    terminator++;
                }
                break;
            }
        }
        fieldBytes = bytes;
        fieldStart = position;
        fieldEnd = terminator;
        fieldQuoted = false;
        if (terminator > position && bytes[terminator - 1] == '\r' && (terminator == limit || bytes[terminator] == '\n')) {
            fieldEnd--;
        }
        return terminator;
    }

    private int readQuotedField(int openingQuote, int column) {
        long fieldLine = line;
        int position = openingQuote + 1;
        int segmentStart = position;
        boolean unescaped = false;
        scratchLength = 0;
        while (true) {
            if (position >= end) {
                throw structural(fieldLine, column + 1, "unterminated quoted field", openingQuote, end);
            }
            byte b = data[position];
            if (b == quote) {
                if (position + 1 < end && data[position + 1] == quote) {
                    appendToScratch(segmentStart, position + 1); // keeps one of the two quotes
                    position += 2;
                    segmentStart = position;
                    unescaped = true;
                    continue;
                }
                break;
            }
            if (b == escape && escapeDiffersFromQuote && position + 1 < end
                    && (data[position + 1] == quote || data[position + 1] == escape)) {
                appendToScratch(segmentStart, position);
                segmentStart = position + 1; // the escaped byte starts the next segment
                position += 2;
                unescaped = true;
                continue;
            }
            if (b == '\n') {
                line++;
            }
            position++;
        }
        int closingQuote = position;
        int terminator = closingQuote + 1;
        if (terminator < end && data[terminator] != delimiter && data[terminator] != '\n') {
            if (data[terminator] == '\r' && (terminator + 1 == end || data[terminator + 1] == '\n')) {
                terminator++;
            } else {
                throw structural(fieldLine, column + 1, "unexpected character after closing quote", openingQuote,
                        fieldEndForMessage(terminator));
            }
        }
        fieldQuoted = true;
        if (unescaped) {
            appendToScratch(segmentStart, closingQuote);
            fieldBytes = scratch;
            fieldStart = 0;
            fieldEnd = scratchLength;
        } else {
            fieldBytes = data;
            fieldStart = openingQuote + 1;
            fieldEnd = closingQuote;
        }
        return terminator;
    }

    private void appendToScratch(int from, int to) {
        int length = to - from;
        if (scratchLength + length > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + length));
        }
        System.arraycopy(data, from, scratch, scratchLength, length);
        scratchLength += length;
    }

    /** Where the line holding {@code start} ends, without its line break. */
    private int lineEnd(int start) {
        int position = start;
        while (position < end && data[position] != '\n') {
            position++;
        }
        return position > start && data[position - 1] == '\r' ? position - 1 : position;
    }

    private int fieldEndForMessage(int position) {
        while (position < end && data[position] != delimiter && data[position] != '\n') {
            position++;
        }
        return position;
    }

    private CsvFormatException structural(long errorLine, int column, String problem, int textStart, int textEnd) {
        String name = column <= columnCount ? columns.get(column - 1).name() : null;
        return new CsvFormatException(StorageErrors.BAD_COPY_FILE_FORMAT, file, errorLine, column, name, problem,
                CsvFormatException.excerpt(data, textStart, textEnd));
    }
}
