package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.LongVector;

import java.util.List;

/**
 * CONCAT (strict, and PostgreSQL's NULL-skipping concat and concat_ws), SUBSTRING, CHAR_LENGTH, POSITION and REPLACE on UTF-8 bytes. Positions and lengths count code
 * points, found by skipping continuation bytes, so nothing is decoded; searching and replacing work on
 * bytes, which is exact for valid UTF-8 (a character's encoding never appears inside another's). All are
 * strict: a NULL argument gives NULL.
 */
final class StringFunctions {

    private StringFunctions() {
    }

    static CompiledExpression concat(List<Operand> arguments) {
        Operand[] operands = arguments.toArray(new Operand[0]);
        return input -> {
            int rows = input.rowCount();
            BytesVector[] parts = new BytesVector[operands.length];
            long total = 0;
            for (int k = 0; k < parts.length; k++) {
                parts[k] = (BytesVector) operands[k].evaluate(input);
                total += parts[k].dataSize();
            }
            BytesVector result = new BytesVector(rows, (int) Math.min(total, Integer.MAX_VALUE - 16));
            for (int i = 0; i < rows; i++) {
                if (RowKernels.anyNull(parts, i)) {
                    result.appendNull();
                    continue;
                }
                int length = 0;
                for (BytesVector part : parts) {
                    length += part.length(i);
                }
                int start = result.dataSize();
                result.ensureDataCapacity(start + length);
                // Append the first part, then extend it in place with the others.
                result.append(parts[0].data(), parts[0].offset(i), parts[0].length(i));
                byte[] data = result.data();
                int position = start + parts[0].length(i);
                for (int k = 1; k < parts.length; k++) {
                    System.arraycopy(parts[k].data(), parts[k].offset(i), data, position, parts[k].length(i));
                    position += parts[k].length(i);
                }
                result.offsets()[i + 1] = position;
            }
            return result;
        };
    }

    /**
     * PostgreSQL's {@code concat(a, …)} ({@code separator} null) and {@code concat_ws(separator, a, …)}: NULL
     * values are skipped (no separator for them either); the result is NULL only when the separator is.
     */
    static CompiledExpression concatSkippingNulls(Operand separator, List<Operand> arguments) {
        Operand[] operands = arguments.toArray(new Operand[0]);
        return input -> {
            int rows = input.rowCount();
            BytesVector separators = separator == null ? null : (BytesVector) separator.evaluate(input);
            BytesVector[] parts = new BytesVector[operands.length];
            long total = 0;
            for (int k = 0; k < parts.length; k++) {
                parts[k] = (BytesVector) operands[k].evaluate(input);
                total += parts[k].dataSize();
            }
            BytesVector result = new BytesVector(rows, (int) Math.min(total, Integer.MAX_VALUE - 16));
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < rows; i++) {
                if (separators != null && separators.isNull(i)) {
                    result.appendNull();
                    continue;
                }
                joined.reset();
                boolean first = true;
                for (BytesVector part : parts) {
                    if (part.isNull(i)) {
                        continue;
                    }
                    if (!first && separators != null) {
                        joined.write(separators.data(), separators.offset(i), separators.length(i));
                    }
                    joined.write(part.data(), part.offset(i), part.length(i));
                    first = false;
                }
                result.append(joined.toByteArray());
            }
            return result;
        };
    }

    /**
     * {@code SUBSTRING(value, start[, length])}: the characters from position {@code start} (1-based) up to
     * but excluding {@code start + length}, clipped to the value; a start before 1 still counts towards
     * the length (SQL's rule: SUBSTRING('abc', 0, 2) is 'a'). A negative length is 22011.
     */
    static CompiledExpression substring(List<Operand> arguments) {
        Operand value = arguments.get(0);
        Operand start = arguments.get(1);
        Operand length = arguments.size() > 2 ? arguments.get(2) : null;
        return input -> {
            int rows = input.rowCount();
            BytesVector text = (BytesVector) value.evaluate(input);
            LongVector starts = (LongVector) start.evaluate(input);
            LongVector lengths = length == null ? null : (LongVector) length.evaluate(input);
            BytesVector result = new BytesVector(rows, text.dataSize());
            byte[] data = text.data();
            for (int i = 0; i < rows; i++) {
                if (text.isNull(i) || starts.isNull(i) || (lengths != null && lengths.isNull(i))) {
                    result.appendNull();
                    continue;
                }
                long first = starts.get(i);
                long endExclusive = Long.MAX_VALUE;
                if (lengths != null) {
                    long count = lengths.get(i);
                    if (count < 0) {
                        throw new ExecutionException(ExpressionErrors.SUBSTRING_ERROR, "negative substring length not allowed");
                    }
                    endExclusive = first > Long.MAX_VALUE - count ? Long.MAX_VALUE : first + count;
                }
                long from = Math.max(first, 1);
                int valueStart = text.offset(i);
                int valueEnd = valueStart + text.length(i);
                if (endExclusive <= from) {
                    result.append(data, valueStart, 0);
                    continue;
                }
                int byteStart = Utf8.skipCodePoints(data, valueStart, valueEnd, from - 1);
                int byteEnd = endExclusive == Long.MAX_VALUE ? valueEnd
                        : Utf8.skipCodePoints(data, byteStart, valueEnd, endExclusive - from);
                result.append(data, byteStart, byteEnd - byteStart);
            }
            return result;
        };
    }

    static CompiledExpression charLength(Operand value) {
        return input -> {
            int rows = input.rowCount();
            BytesVector text = (BytesVector) value.evaluate(input);
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            long[] out = result.values();
            byte[] data = text.data();
            int[] offsets = text.offsets();
            for (int i = 0; i < rows; i++) {
                out[i] = Utf8.codePointCount(data, offsets[i], offsets[i + 1]);
            }
            NullMasks.copy(result, text, rows);
            return result;
        };
    }

    /** {@code POSITION(needle, haystack)}: 1-based character position of the first occurrence, 0 if none. */
    static CompiledExpression position(Operand needle, Operand haystack) {
        return input -> {
            int rows = input.rowCount();
            BytesVector needles = (BytesVector) needle.evaluate(input);
            BytesVector haystacks = (BytesVector) haystack.evaluate(input);
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            long[] out = result.values();
            byte[] data = haystacks.data();
            for (int i = 0; i < rows; i++) {
                int start = haystacks.offset(i);
                int end = start + haystacks.length(i);
                int found = LikePattern.indexOf(data, start, end, needles.data(), needles.offset(i), needles.length(i));
                out[i] = found < 0 ? 0 : Utf8.codePointCount(data, start, found) + 1;
            }
            NullMasks.union(result, needles, haystacks, rows);
            return result;
        };
    }

    /** {@code REPLACE(value, search, replacement)}: every non-overlapping occurrence, left to right. */
    static CompiledExpression replace(Operand value, Operand search, Operand replacement) {
        return input -> {
            int rows = input.rowCount();
            BytesVector text = (BytesVector) value.evaluate(input);
            BytesVector searches = (BytesVector) search.evaluate(input);
            BytesVector replacements = (BytesVector) replacement.evaluate(input);
            BytesVector result = new BytesVector(rows, text.dataSize());
            byte[] data = text.data();
            for (int i = 0; i < rows; i++) {
                if (text.isNull(i) || searches.isNull(i) || replacements.isNull(i)) {
                    result.appendNull();
                    continue;
                }
                appendReplaced(result, data, text.offset(i), text.offset(i) + text.length(i), searches.getBytes(i),
                        replacements.getBytes(i));
            }
            return result;
        };
    }

    private static void appendReplaced(BytesVector result, byte[] data, int start, int end, byte[] search, byte[] replacement) {
        if (search.length == 0) {
            result.append(data, start, end - start);
            return;
        }
        int found = LikePattern.indexOf(data, start, end, search);
        if (found < 0) {
            result.append(data, start, end - start);
            return;
        }
        java.io.ByteArrayOutputStream replaced = new java.io.ByteArrayOutputStream(end - start + replacement.length);
        int position = start;
        while (found >= 0) {
            replaced.write(data, position, found - position);
            replaced.writeBytes(replacement);
            position = found + search.length;
            found = LikePattern.indexOf(data, position, end, search);
        }
        replaced.write(data, position, end - position);
        result.append(replaced.toByteArray());
    }
}
