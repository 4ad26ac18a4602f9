package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.TrailingBlanks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * CAST to and from VARCHAR/CHAR. Values are formatted straight into the result's byte arena (integers,
 * decimals and dates without any allocation); text is parsed on its bytes. A bounded target length
 * truncates silently to that many characters, SQL's rule for explicit casts; CHAR values are not padded, and
 * text cast to CHAR loses its trailing blanks, which do not count in CHAR values (storage keeps them so too).
 */
final class TextCasts {

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private TextCasts() {
    }

    static CompiledExpression toText(Operand operand, LogicalType target) {
        LogicalType source = operand.type();
        int maxLength = target.isBoundedLength() ? target.length() : Integer.MAX_VALUE;
        if (NumericTypes.isText(source) && target.kind() == TypeKind.CHAR) {
            return input -> TrailingBlanks.removed(truncate((BytesVector) operand.evaluate(input), input.rowCount(), maxLength));
        }
        if (NumericTypes.isText(source)) {
            return input -> truncate((BytesVector) operand.evaluate(input), input.rowCount(), maxLength);
        }
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            BytesVector result = new BytesVector(rows, rows * 12);
            byte[] buffer = new byte[NumberText.BUFFER_SIZE];
            for (int i = 0; i < rows; i++) {
                if (vector.isNull(i)) {
                    result.appendNull();
                    continue;
                }
                byte[] bytes = buffer;
                int length = switch (source.kind()) {
                    case TINYINT, SMALLINT, INTEGER, BIGINT -> NumberText.formatLong(((LongVector) vector).get(i), buffer);
                    case DATE -> DateTimeText.formatDate(((LongVector) vector).get(i), buffer);
                    case TIME -> DateTimeText.formatTime(((LongVector) vector).get(i), buffer);
                    case TIMESTAMP -> DateTimeText.formatTimestamp(((LongVector) vector).get(i), buffer);
                    case BOOLEAN -> {
                        bytes = ((BooleanVector) vector).get(i) ? TRUE : FALSE;
                        yield bytes.length;
                    }
                    case DECIMAL -> {
                        if (vector instanceof LongVector longs) {
                            yield NumberText.formatDecimal(longs.get(i), source.scale(), buffer);
                        }
                        Int128Vector wide = (Int128Vector) vector;
                        if (Int128Math.isLong(wide.high()[i], wide.low()[i])) {
                            yield NumberText.formatDecimal(wide.low()[i], source.scale(), buffer);
                        }
                        bytes = NumberText.formatDecimal(Int128Math.toBigInteger(wide.high()[i], wide.low()[i]), source.scale())
                                .getBytes(StandardCharsets.US_ASCII);
                        yield bytes.length;
                    }
                    case REAL, DOUBLE -> {
                        bytes = NumberText.formatFloatingPoint(((DoubleVector) vector).get(i), source.kind() == TypeKind.REAL)
                                .getBytes(StandardCharsets.US_ASCII);
                        yield bytes.length;
                    }
                    default -> throw ExpressionErrors.notSupported("CAST from " + source + " to " + target);
                };
                // Formatted values are ASCII: one byte per character.
                result.append(bytes, 0, Math.min(length, maxLength));
            }
            return result;
        };
    }

    /** Cuts values longer than {@code maxLength} characters; returns the input itself when none is. */
    private static BytesVector truncate(BytesVector vector, int rows, int maxLength) {
        if (maxLength == Integer.MAX_VALUE) {
            return vector;
        }
        boolean anyTooLong = false;
        for (int i = 0; i < rows && !anyTooLong; i++) {
            // A value with no more bytes than the limit has no more characters either.
            anyTooLong = vector.length(i) > maxLength;
        }
        if (!anyTooLong) {
            return vector;
        }
        BytesVector result = new BytesVector(rows, vector.dataSize());
        byte[] data = vector.data();
        for (int i = 0; i < rows; i++) {
            if (vector.isNull(i)) {
                result.appendNull();
                continue;
            }
            int start = vector.offset(i);
            int end = start + vector.length(i);
            result.append(data, start, Utf8.skipCodePoints(data, start, end, maxLength) - start);
        }
        return result;
    }

    static CompiledExpression fromText(Operand operand, LogicalType target) {
        TypeKind kind = target.kind();
        if (kind == TypeKind.BOOLEAN) {
            return input -> toBoolean((BytesVector) operand.evaluate(input), input.rowCount(), target);
        }
        return input -> {
            BytesVector text = (BytesVector) operand.evaluate(input);
            int rows = input.rowCount();
            ColumnVector result = ColumnVector.create(target.physicalKind(), rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, text, rows);
            byte[] data = text.data();
            DateTimeText dateTime = new DateTimeText();
            for (int i = 0; i < rows; i++) {
                if (text.isNull(i)) {
                    continue;
                }
                int start = text.offset(i);
                int end = start + text.length(i);
                switch (kind) {
                    case TINYINT, SMALLINT, INTEGER, BIGINT ->
                            ((LongVector) result).set(i, NumberText.parseInteger(data, start, end, target));
                    case DATE -> ((LongVector) result).set(i, dateTime.parseDate(data, start, end, target));
                    case TIME -> ((LongVector) result).set(i, dateTime.parseTime(data, start, end, target));
                    case TIMESTAMP -> ((LongVector) result).set(i, dateTime.parseTimestamp(data, start, end, target));
                    case REAL, DOUBLE -> ((DoubleVector) result).set(i, NumberText.parseFloatingPoint(data, start, end, target));
                    case DECIMAL -> {
                        BigInteger unscaled = NumberText.parseDecimal(data, start, end, target);
                        if (target.physicalKind() == PhysicalKind.LONG) {
                            ((LongVector) result).set(i, unscaled.longValue());
                        } else {
                            ((Int128Vector) result).set(i, unscaled.shiftRight(64).longValue(), unscaled.longValue());
                        }
                    }
                    default -> throw ExpressionErrors.notSupported("CAST from " + operand.type() + " to " + target);
                }
            }
            return result;
        };
    }

    /** PostgreSQL's boolean spellings: true/false, yes/no, on/off, 1/0 and unique prefixes, in any case. */
    private static ColumnVector toBoolean(BytesVector text, int rows, LogicalType target) {
        BooleanVector result = new BooleanVector(rows);
        result.setPositionCount(rows);
        NullMasks.copy(result, text, rows);
        for (int i = 0; i < rows; i++) {
            if (text.isNull(i)) {
                continue;
            }
            String word = text.getString(i).strip().toLowerCase(java.util.Locale.ROOT);
            Boolean value = parseBoolean(word);
            if (value == null) {
                throw ExpressionErrors.invalidText(target, text.getString(i));
            }
            result.set(i, value);
        }
        return result;
    }

    private static Boolean parseBoolean(String word) {
        if (word.isEmpty()) {
            return null;
        }
        if (word.equals("1") || (word.length() >= 1 && "true".startsWith(word)) || (word.length() >= 1 && "yes".startsWith(word))
                || word.equals("on")) {
            return Boolean.TRUE;
        }
        if (word.equals("0") || "false".startsWith(word) || "no".startsWith(word) || (word.length() >= 2 && "off".startsWith(word))) {
            return Boolean.FALSE;
        }
        return null;
    }
}
