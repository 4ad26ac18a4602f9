package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REGEXP_LIKE ({@code ~}, {@code ~*}), REGEXP_REPLACE, REGEXP_COUNT, REGEXP_SUBSTR, SUBSTRING_REGEX and (with SQL
 * regular expressions, {@link SimilarPatterns}) SUBSTRING_SIMILAR and SIMILAR_TO. Each kernel keeps its
 * own {@link RegularExpressions} cache, so a constant pattern compiles once; rows are decoded to Java strings
 * because java.util.regex matches characters. All are strict.
 */
final class RegexFunctions {

    private RegexFunctions() {
    }

    static CompiledExpression compile(Function function, List<Operand> arguments) {
        RegularExpressions patterns = new RegularExpressions();
        return switch (function) {
            case REGEXP_LIKE -> RowKernels.booleans(arguments, (vectors, row) ->
                    pattern(patterns, vectors, row, 2, false).matcher(RowKernels.string(vectors[0], row)).find());
            case REGEXP_REPLACE -> RowKernels.text(arguments, (vectors, row, result) -> replace(patterns, vectors, row, result));
            case REGEXP_COUNT -> RowKernels.longs(arguments, (vectors, row) -> count(patterns, vectors, row));
            case REGEXP_SUBSTR -> RowKernels.text(arguments, (vectors, row, result) -> substring(patterns, vectors, row, result));
            case SUBSTRING_REGEX -> RowKernels.text(arguments, (vectors, row, result) -> firstGroup(patterns, vectors, row, result));
            default -> throw ExpressionErrors.notSupported("function " + function + " as a regular expression function");
        };
    }

    /** {@code SUBSTRING_SIMILAR(value, pattern, escape)}: the middle part's text if the whole value matches, else NULL. */
    static CompiledExpression substringSimilar(List<Operand> arguments) {
        SimilarPatterns patterns = new SimilarPatterns();
        return RowKernels.text(arguments, (vectors, row, result) -> {
            Pattern pattern = patterns.compile(RowKernels.string(vectors[1], row), RowKernels.string(vectors[2], row));
            Matcher matcher = pattern.matcher(RowKernels.string(vectors[0], row));
            if (matcher.matches() && matcher.group(1) != null) {
                result.append(matcher.group(1));
            } else {
                result.appendNull();
            }
        });
    }

    /** {@code SIMILAR_TO(value, pattern, escape)}: whether the whole value matches. */
    static CompiledExpression similarTo(List<Operand> arguments) {
        SimilarPatterns patterns = new SimilarPatterns();
        return RowKernels.booleans(arguments, (vectors, row) -> patterns.compile(RowKernels.string(vectors[1], row),
                RowKernels.string(vectors[2], row)).matcher(RowKernels.string(vectors[0], row)).matches());
    }

    /** The row's pattern (argument 1) with the flags in argument {@code flagsArgument}, if present. */
    private static Pattern pattern(RegularExpressions patterns, ColumnVector[] vectors, int row, int flagsArgument,
                                   boolean allowGlobal) {
        String flags = vectors.length > flagsArgument ? RowKernels.string(vectors[flagsArgument], row) : "";
        return patterns.compile(RowKernels.string(vectors[1], row), flags, allowGlobal);
    }

    /** {@code REGEXP_REPLACE(value, pattern, replacement[, flags])}. */
    private static void replace(RegularExpressions patterns, ColumnVector[] vectors, int row, BytesVector result) {
        String flags = vectors.length > 3 ? RowKernels.string(vectors[3], row) : "";
        Pattern pattern = patterns.compile(RowKernels.string(vectors[1], row), flags, true);
        Matcher matcher = pattern.matcher(RowKernels.string(vectors[0], row));
        String replacement = RegularExpressions.javaReplacement(RowKernels.string(vectors[2], row), matcher.groupCount());
        result.append(RegularExpressions.isGlobal(flags) ? matcher.replaceAll(replacement) : matcher.replaceFirst(replacement));
    }

    /** {@code REGEXP_COUNT(value, pattern[, start[, flags]])}: matches from character {@code start} (1-based) on. */
    private static long count(RegularExpressions patterns, ColumnVector[] vectors, int row) {
        String value = RowKernels.string(vectors[0], row);
        int start = start(vectors, row, value);
        Matcher matcher = pattern(patterns, vectors, row, 3, false).matcher(value);
        long count = 0;
        int from = start;
        while (from <= value.length() && matcher.find(from)) {
            count++;
            // An empty match advances by one character so that the search ends.
            from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
        }
        return count;
    }

    /** The string index of the 1-based character position in argument 2, if present; below 1 is 22023. */
    private static int start(ColumnVector[] vectors, int row, String value) {
        if (vectors.length <= 2) {
            return 0;
        }
        long position = RowKernels.longValue(vectors[2], row);
        if (position < 1) {
            throw new ExecutionException(ExpressionErrors.INVALID_PARAMETER_VALUE, "invalid value for parameter \"start\": " + position);
        }
        return value.offsetByCodePoints(0, (int) Math.min(position - 1, value.codePointCount(0, value.length())));
    }

    /**
     * {@code REGEXP_SUBSTR(value, pattern[, start[, n[, flags[, group]]]])}: the n-th match (1 by default) from
     * character {@code start} on, or its {@code group}; NULL when there is no such match or group.
     */
    private static void substring(RegularExpressions patterns, ColumnVector[] vectors, int row, BytesVector result) {
        String value = RowKernels.string(vectors[0], row);
        int from = start(vectors, row, value);
        long occurrence = vectors.length > 3 ? RowKernels.longValue(vectors[3], row) : 1;
        long group = vectors.length > 5 ? RowKernels.longValue(vectors[5], row) : 0;
        if (occurrence < 1 || group < 0) {
            throw new ExecutionException(ExpressionErrors.INVALID_PARAMETER_VALUE, "invalid value for parameter \""
                    + (occurrence < 1 ? "n\": " + occurrence : "subexpr\": " + group));
        }
        Matcher matcher = pattern(patterns, vectors, row, 4, false).matcher(value);
        for (long k = 0; k < occurrence; k++) {
            if (from > value.length() || !matcher.find(from)) {
                result.appendNull();
                return;
            }
            from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
        }
        if (group > matcher.groupCount() || matcher.group((int) group) == null) {
            result.appendNull();
            return;
        }
        result.append(matcher.group((int) group));
    }

    /** {@code SUBSTRING_REGEX(value, pattern)}: the first group of the first match, or the match if no group. */
    private static void firstGroup(RegularExpressions patterns, ColumnVector[] vectors, int row, BytesVector result) {
        Matcher matcher = pattern(patterns, vectors, row, 2, false).matcher(RowKernels.string(vectors[0], row));
        String matched = !matcher.find() ? null : matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
        if (matched == null) {
            result.appendNull();
        } else {
            result.append(matched);
        }
    }
}
