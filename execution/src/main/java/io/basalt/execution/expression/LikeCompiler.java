package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

import java.util.Arrays;
import java.util.List;

/**
 * {@code LIKE(value, pattern[, escape])}. A constant pattern (the usual case) is compiled once into a
 * {@link LikePattern} and the kernel is one call per row on the value's bytes. A pattern from a column is
 * compiled per distinct consecutive pattern, which keeps repeated patterns cheap.
 */
final class LikeCompiler {

    private LikeCompiler() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        Operand value = arguments.get(0);
        Operand pattern = arguments.get(1);
        Operand escape = arguments.size() > 2 ? arguments.get(2) : null;
        if (pattern.isConstant() && (escape == null || escape.isConstant())) {
            LikePattern compiled;
            try {
                compiled = LikePattern.compile((String) pattern.value(), escape == null ? -1 : escapeCharacter((String) escape.value()));
            } catch (ExecutionException invalid) {
                // Like any other runtime error, an invalid pattern only fails when a row is evaluated.
                return input -> failOnAnyNonNull(value.evaluate(input), input.rowCount(), invalid);
            }
            return input -> {
                BytesVector text = (BytesVector) value.evaluate(input);
                int rows = input.rowCount();
                BooleanVector result = new BooleanVector(rows);
                result.setPositionCount(rows);
                DictionaryEntryTests.test(text, result.values(), rows,
                        (values, out, count) -> compiled.matchAll(values.data(), values.offsets(), out, count));
                NullMasks.copy(result, text, rows);
                return result;
            };
        }
        return input -> {
            int rows = input.rowCount();
            BytesVector text = (BytesVector) value.evaluate(input);
            BytesVector patterns = (BytesVector) pattern.evaluate(input);
            BytesVector escapes = escape == null ? null : (BytesVector) escape.evaluate(input);
            BooleanVector result = new BooleanVector(rows);
            result.setPositionCount(rows);
            byte[] lastPattern = null;
            String lastEscape = null;
            LikePattern compiled = null;
            for (int i = 0; i < rows; i++) {
                if (text.isNull(i) || patterns.isNull(i) || (escapes != null && escapes.isNull(i))) {
                    result.setNull(i, true);
                    continue;
                }
                byte[] patternBytes = patterns.getBytes(i);
                String escapeText = escapes == null ? null : escapes.getString(i);
                if (compiled == null || !Arrays.equals(patternBytes, lastPattern) || !java.util.Objects.equals(escapeText, lastEscape)) {
                    int escapeCharacter = escapeText == null ? -1 : escapeCharacter(escapeText);
                    compiled = LikePattern.compile(patterns.getString(i), escapeCharacter);
                    lastPattern = patternBytes;
                    lastEscape = escapeText;
                }
                result.set(i, compiled.matches(text.data(), text.offset(i), text.offset(i) + text.length(i)));
            }
            return result;
        };
    }

    private static ColumnVector failOnAnyNonNull(ColumnVector values, int rows, ExecutionException error) {
        for (int i = 0; i < rows; i++) {
            if (!values.isNull(i)) {
                throw new ExecutionException(error.sqlState(), error.getMessage());
            }
        }
        return ConstantVectors.allNull(io.basalt.storage.type.PhysicalKind.BOOLEAN, rows);
    }

    /** The escape text must be one character; an empty escape disables escaping, as in PostgreSQL. */
    private static int escapeCharacter(String escape) {
        if (escape.isEmpty()) {
            return -1;
        }
        if (escape.codePointCount(0, escape.length()) != 1) {
            throw new ExecutionException(ExpressionErrors.INVALID_ESCAPE_CHARACTER, "invalid escape string: \"" + escape
                    + "\" (an escape string must be empty or one character)");
        }
        return escape.codePointAt(0);
    }
}
