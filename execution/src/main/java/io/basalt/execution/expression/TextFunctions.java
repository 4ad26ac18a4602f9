package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * PostgreSQL's everyday string functions on UTF-8 bytes: LPAD, RPAD, SPLIT_PART, STARTS_WITH, LEFT, RIGHT,
 * REPEAT, REVERSE, INITCAP, OCTET_LENGTH, ASCII, CHR and MD5. Character counts skip continuation bytes (see
 * {@link Utf8}); only INITCAP decodes, because case mapping needs code points. All are strict.
 */
final class TextFunctions {

    /** PostgreSQL's limit on one text value (1 GB); REPEAT and LPAD beyond it are 54000 there too. */
    private static final long MAX_TEXT_BYTES = (1L << 30) - 1;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private TextFunctions() {
    }

    static CompiledExpression compile(Function function, List<Operand> arguments) {
        return switch (function) {
            case LPAD, RPAD -> pad(function == Function.LPAD, arguments);
            case SPLIT_PART -> RowKernels.text(arguments, TextFunctions::splitPart);
            case STARTS_WITH -> RowKernels.booleans(arguments, TextFunctions::startsWith);
            case LEFT, RIGHT -> leftOrRight(function == Function.LEFT, arguments);
            case REPEAT -> RowKernels.text(arguments, TextFunctions::repeat);
            case REVERSE -> RowKernels.text(arguments, TextFunctions::reverse);
            case INITCAP -> RowKernels.text(arguments, (vectors, row, result) -> result.append(initcap(RowKernels.string(vectors[0], row))));
            case OCTET_LENGTH -> RowKernels.longs(arguments, (vectors, row) -> ((BytesVector) vectors[0]).length(row));
            case ASCII -> RowKernels.longs(arguments, TextFunctions::ascii);
            case CHR -> RowKernels.text(arguments, TextFunctions::chr);
            case MD5 -> md5(arguments);
            default -> throw ExpressionErrors.notSupported("function " + function + " as a text function");
        };
    }

    /**
     * {@code LPAD/RPAD(value, length[, fill])}: the value cut or padded to {@code length} characters, the fill
     * repeated as often as needed (a blank by default; an empty fill pads nothing).
     */
    private static CompiledExpression pad(boolean left, List<Operand> arguments) {
        return RowKernels.text(arguments, (vectors, row, result) -> {
            BytesVector text = (BytesVector) vectors[0];
            long length = Math.max(0, RowKernels.longValue(vectors[1], row));
            byte[] fill = vectors.length > 2 ? ((BytesVector) vectors[2]).getBytes(row) : new byte[] {' '};
            byte[] data = text.data();
            int start = text.offset(row);
            int end = start + text.length(row);
            int characters = Utf8.codePointCount(data, start, end);
            if (characters >= length || fill.length == 0) {
                result.append(data, start, Utf8.skipCodePoints(data, start, end, length) - start);
                return;
            }
            long missing = length - characters;
            int fillCharacters = Utf8.codePointCount(fill, 0, fill.length);
            long fillBytes = (missing / fillCharacters) * fill.length
                    + Utf8.skipCodePoints(fill, 0, fill.length, missing % fillCharacters);
            checkSize(fillBytes + (end - start));
            byte[] padded = new byte[(int) fillBytes + (end - start)];
            int fillStart = left ? 0 : end - start;
            for (int position = 0; position < fillBytes; position += fill.length) {
                System.arraycopy(fill, 0, padded, fillStart + position, (int) Math.min(fill.length, fillBytes - position));
            }
            System.arraycopy(data, start, padded, left ? (int) fillBytes : 0, end - start);
            result.append(padded);
        });
    }

    private static void checkSize(long bytes) {
        if (bytes > MAX_TEXT_BYTES) {
            throw new ExecutionException(ExpressionErrors.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
    }

    /** {@code SPLIT_PART(value, delimiter, n)}: fields counted from 1, or from the end for negative n; 0 is 22023. */
    private static void splitPart(ColumnVector[] vectors, int row, BytesVector result) {
        BytesVector text = (BytesVector) vectors[0];
        BytesVector delimiters = (BytesVector) vectors[1];
        long field = RowKernels.longValue(vectors[2], row);
        if (field == 0) {
            throw new ExecutionException(ExpressionErrors.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        byte[] data = text.data();
        int start = text.offset(row);
        int end = start + text.length(row);
        byte[] delimiter = delimiters.getBytes(row);
        if (delimiter.length == 0) {
            // The whole value is the only field (PostgreSQL), and an empty value has none.
            boolean only = (field == 1 || field == -1) && end > start;
            result.append(data, start, only ? end - start : 0);
            return;
        }
        // Field boundaries left to right; for a negative n count the fields first.
        long fields = 1;
        if (field < 0) {
            for (int found = LikePattern.indexOf(data, start, end, delimiter); found >= 0;
                 found = LikePattern.indexOf(data, found + delimiter.length, end, delimiter)) {
                fields++;
            }
            field = fields + field + 1;
            if (field < 1 || end == start) {
                result.append(data, start, 0);
                return;
            }
        }
        int fieldStart = start;
        for (long k = 1; k < field; k++) {
            int found = LikePattern.indexOf(data, fieldStart, end, delimiter);
            if (found < 0) {
                result.append(data, start, 0);
                return;
            }
            fieldStart = found + delimiter.length;
        }
        int found = LikePattern.indexOf(data, fieldStart, end, delimiter);
        result.append(data, fieldStart, (found < 0 ? end : found) - fieldStart);
    }

    private static boolean startsWith(ColumnVector[] vectors, int row) {
        BytesVector text = (BytesVector) vectors[0];
        BytesVector prefixes = (BytesVector) vectors[1];
        int length = prefixes.length(row);
        return length <= text.length(row) && java.util.Arrays.equals(text.data(), text.offset(row), text.offset(row) + length,
                prefixes.data(), prefixes.offset(row), prefixes.offset(row) + length);
    }

    /** LEFT(s, n) keeps the first n characters, all but the last |n| for negative n; RIGHT mirrors it. */
    private static CompiledExpression leftOrRight(boolean left, List<Operand> arguments) {
        return RowKernels.text(arguments, (vectors, row, result) -> {
            BytesVector text = (BytesVector) vectors[0];
            long count = RowKernels.longValue(vectors[1], row);
            byte[] data = text.data();
            int start = text.offset(row);
            int end = start + text.length(row);
            int characters = Utf8.codePointCount(data, start, end);
            long kept = count >= 0 ? Math.min(count, characters) : Math.max(0, characters + count);
            if (left) {
                result.append(data, start, Utf8.skipCodePoints(data, start, end, kept) - start);
            } else {
                int from = Utf8.skipCodePoints(data, start, end, characters - kept);
                result.append(data, from, end - from);
            }
        });
    }

    private static void repeat(ColumnVector[] vectors, int row, BytesVector result) {
        BytesVector text = (BytesVector) vectors[0];
        long count = Math.max(0, RowKernels.longValue(vectors[1], row));
        int length = text.length(row);
        checkSize(count * length);
        byte[] repeated = new byte[(int) (count * length)];
        for (int k = 0; k < count; k++) {
            System.arraycopy(text.data(), text.offset(row), repeated, k * length, length);
        }
        result.append(repeated);
    }

    /** Characters in reverse order (each character's bytes kept in order). */
    private static void reverse(ColumnVector[] vectors, int row, BytesVector result) {
        BytesVector text = (BytesVector) vectors[0];
        byte[] data = text.data();
        int start = text.offset(row);
        int end = start + text.length(row);
        byte[] reversed = new byte[end - start];
        int target = reversed.length;
        for (int position = start; position < end; ) {
            int length = Math.min(Utf8.sequenceLength(data[position]), end - position);
            target -= length;
            System.arraycopy(data, position, reversed, target, length);
            position += length;
        }
        result.append(reversed);
    }

    /** PostgreSQL's initcap: a letter or digit after another is lower case, the first of a word upper case. */
    static String initcap(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean inWord = false;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            out.appendCodePoint(inWord ? Character.toLowerCase(codePoint) : Character.toUpperCase(codePoint));
            inWord = Character.isLetterOrDigit(codePoint);
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static long ascii(ColumnVector[] vectors, int row) {
        BytesVector text = (BytesVector) vectors[0];
        return text.length(row) == 0 ? 0 : Utf8.decode(text.data(), text.offset(row));
    }

    private static void chr(ColumnVector[] vectors, int row, BytesVector result) {
        long code = RowKernels.longValue(vectors[0], row);
        if (code == 0) {
            throw new ExecutionException(ExpressionErrors.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code < 0) {
            throw new ExecutionException(ExpressionErrors.INVALID_PARAMETER_VALUE, "character number must be positive");
        }
        if (code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
            throw new ExecutionException(ExpressionErrors.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: " + code);
        }
        result.append(new String(Character.toChars((int) code)));
    }

    private static CompiledExpression md5(List<Operand> arguments) {
        // Batches of one kernel may run on several threads; a digest is stateful.
        ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(TextFunctions::md5Digest);
        return RowKernels.text(arguments, (vectors, row, result) -> {
            BytesVector text = (BytesVector) vectors[0];
            MessageDigest digest = digests.get();
            byte[] hex = new byte[32];
            digest.update(text.data(), text.offset(row), text.length(row));
            byte[] hash = digest.digest();
            for (int k = 0; k < hash.length; k++) {
                hex[2 * k] = HEX[(hash[k] >> 4) & 15];
                hex[2 * k + 1] = HEX[hash[k] & 15];
            }
            result.append(hex, 0, hex.length);
        });
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException missing) {
            throw ExpressionErrors.notSupported("md5 (the JVM has no MD5 digest)");
        }
    }
}
