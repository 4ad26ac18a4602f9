package io.basalt.execution.expression;

import io.basalt.storage.vector.BytesVector;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * UPPER and LOWER. ASCII values (nearly all data in practice) are converted byte by byte in the result's
 * arena; a value with any other character goes through {@link String#toUpperCase(Locale)} with the root
 * locale, which knows the full Unicode mappings (ß becomes SS, so the length may change).
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
                    String converted = upper ? text.getString(i).toUpperCase(Locale.ROOT) : text.getString(i).toLowerCase(Locale.ROOT);
                    result.append(converted.getBytes(StandardCharsets.UTF_8));
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
}
