package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * Turns the text of one column's fields into that column's vector, one field at a time: the link between
 * the record tokenizer, which knows nothing of types, and the value parsers, which know nothing of vectors.
 * Each subclass is final and calls its parser directly, so the only dynamic dispatch per field is the call
 * to {@link #decode}. Not thread-safe: one instance per column per chunk being parsed.
 */
abstract class ColumnDecoder {

    static ColumnDecoder create(LogicalType type, CsvOptions options) {
        return switch (type.kind()) {
            case BOOLEAN -> new BooleanDecoder();
            case TINYINT, SMALLINT, INTEGER, BIGINT -> new IntegerDecoder(new IntegerParser(type));
            case DECIMAL -> type.precision() <= LogicalType.MAX_LONG_DECIMAL_PRECISION
                    ? new LongDecimalDecoder(new DecimalParser(type))
                    : new WideDecimalDecoder(new DecimalParser(type));
            case REAL, DOUBLE -> new FloatingPointDecoder(new FloatingPointParser(type));
            case DATE, TIME, TIMESTAMP -> new DateTimeDecoder(new DateTimeParser(type, options));
            case VARCHAR, CHAR -> new TextDecoder(new TextParser(type));
        };
    }

    /** Starts a new vector sized for {@code capacity} values. */
    abstract void start(int capacity);

    /** Appends the value of {@code bytes[start, end)}, or throws {@link ValueFormatException}. */
    abstract void decode(byte[] bytes, int start, int end);

    abstract void appendNull();

    /** The vector filled since {@link #start}. */
    abstract ColumnVector finish();

    private static final class BooleanDecoder extends ColumnDecoder {
        private BooleanVector vector;

        @Override
        void start(int capacity) {
            vector = new BooleanVector(capacity);
        }

        @Override
        void decode(byte[] bytes, int start, int end) {
            vector.append(BooleanParser.parse(bytes, start, end));
        }

        @Override
        void appendNull() {
            vector.appendNull();
        }

        @Override
        ColumnVector finish() {
            return vector;
        }
    }

    /** Shared by the decoders whose values are {@code long}s. */
    private abstract static class LongDecoder extends ColumnDecoder {
        LongVector vector;

        @Override
        final void start(int capacity) {
            vector = new LongVector(capacity);
        }

        @Override
        final void appendNull() {
            vector.appendNull();
        }

        @Override
        final ColumnVector finish() {
            return vector;
        }
    }

    private static final class IntegerDecoder extends LongDecoder {
        private final IntegerParser parser;

        IntegerDecoder(IntegerParser parser) {
            this.parser = parser;
        }

        @Override
        void decode(byte[] bytes, int start, int end) {
            vector.append(parser.parse(bytes, start, end));
        }
    }

    private static final class LongDecimalDecoder extends LongDecoder {
        private final DecimalParser parser;

        LongDecimalDecoder(DecimalParser parser) {
            this.parser = parser;
        }

        @Override
        void decode(byte[] bytes, int start, int end) {
            vector.append(parser.parseLong(bytes, start, end));
        }
    }

    private static final class DateTimeDecoder extends LongDecoder {
        private final DateTimeParser parser;

        DateTimeDecoder(DateTimeParser parser) {
            this.parser = parser;
        }

        @Override
        void decode(byte[] bytes, int start, int end) {
            vector.append(parser.parse(bytes, start, end));
        }
    }

    private static final class WideDecimalDecoder extends ColumnDecoder {
        private final DecimalParser parser;
        private Int128Vector vector;

        WideDecimalDecoder(DecimalParser parser) {
            this.parser = parser;
        }

        @Override
        void start(int capacity) {
            vector = new Int128Vector(capacity);
        }

        @Override
        void decode(byte[] bytes, int start, int end) {
            parser.parseInt128(bytes, start, end);
            vector.append(parser.high(), parser.low());
        }

        @Override
        void appendNull() {
            vector.appendNull();
        }

        @Override
        ColumnVector finish() {
            return vector;
        }
    }

    private static final class FloatingPointDecoder extends ColumnDecoder {
        private final FloatingPointParser parser;
        private DoubleVector vector;

        FloatingPointDecoder(FloatingPointParser parser) {
            this.parser = parser;
        }

        @Override
        void start(int capacity) {
            vector = new DoubleVector(capacity);
        }

        @Override
        void decode(byte[] bytes, int start, int end) {
            vector.append(parser.parse(bytes, start, end));
        }

        @Override
        void appendNull() {
            vector.appendNull();
        }

        @Override
        ColumnVector finish() {
            return vector;
        }
    }

    private static final class TextDecoder extends ColumnDecoder {
        /** A first guess at the bytes per value; later vectors use what the previous one held. */
        private static final int INITIAL_BYTES_PER_VALUE = 16;
        /** The arena grows on demand; a wrong guess must not reserve a huge array up front. */
        private static final int MAX_INITIAL_BYTES = 64 << 20;

        private final TextParser parser;
        private BytesVector vector;
        private int bytesPerValue = INITIAL_BYTES_PER_VALUE;

        TextDecoder(TextParser parser) {
            this.parser = parser;
        }

        @Override
        void start(int capacity) {
            vector = new BytesVector(capacity, (int) Math.min((long) capacity * bytesPerValue, MAX_INITIAL_BYTES));
        }

        @Override
        void decode(byte[] bytes, int start, int end) {
            int valueEnd = parser.validate(bytes, start, end);
            vector.append(bytes, start, valueEnd - start);
        }

        @Override
        void appendNull() {
            vector.appendNull();
        }

        @Override
        ColumnVector finish() {
            if (vector.positionCount() > 0) {
                bytesPerValue = Math.max(1, vector.dataSize() / vector.positionCount() + 1);
            }
            return vector;
        }
    }
}
