package io.basalt.execution.expression;

import io.basalt.storage.vector.BytesVector;

import java.nio.charset.StandardCharsets;

/**
 * UPPER and LOWER. ASCII values (nearly all data in practice) are converted byte by byte in the result's
 * arena; a value with any other character is converted code point by code point with Unicode's simple case
 * mapping ({@link Character#toUpperCase(int)}), as PostgreSQL does: ß stays ß, Σ becomes σ also at the end of a
 * word, and the length in characters never changes. (Java's {@code String.toUpperCase} applies the full,
 * context-dependent mappings: ß to SS, a final Σ to ς.)
 */
final class CaseConversion {

    private CaseConversion() {
    }

    static CompiledExpression compile(boolean upper, Operand value) {
        return input -> {
            int rows = input.rowCount();
            BytesVector text = (BytesVector) value.evaluate(input);
            BytesVector result = new BytesVector(rows, text.dataSize());
            byte[] data = text.data();
            for (int i = 0; i < rows; i++) {
                if (text.isNull(i)) {
                    result.appendNull();
                    continue;
                }
                int start = text.offset(i);
                int end = start + text.length(i);
                if (!Utf8.isAscii(data, start, end)) {
                    result.append(convertCodePoints(text.getString(i), upper).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                int target = result.dataSize();
                result.append(data, start, end - start);
                byte[] out = result.data();
                if (upper) {
                    for (int j = target, last = target + end - start; j < last; j++) {
                        byte b = out[j];
                        out[j] = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
                    }
                } else {
                    for (int j = target, last = target + end - start; j < last; j++) {
                        byte b = out[j];
                        out[j] = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
                    }
                }
            }
            return result;
        };
    }

    private static String convertCodePoints(String value, boolean upper) {
        StringBuilder converted = new StringBuilder(value.length());
        value.codePoints().forEach(codePoint -> converted.appendCodePoint(
                upper ? Character.toUpperCase(codePoint) : Character.toLowerCase(codePoint)));
        return converted.toString();
    }
}
