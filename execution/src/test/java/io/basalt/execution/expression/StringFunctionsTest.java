package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class StringFunctionsTest {

    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType BIGINT = LogicalType.BIGINT;

    @Test
    void concatIsStrict() {
        var input = batch(vector(TEXT, "a", "", null, "日本"), vector(TEXT, "b", "", "x", "語"));
        assertThat(evaluate(call(Function.CONCAT, TEXT, column(0, TEXT), column(1, TEXT), literal("!", TEXT)), input))
                .containsExactly("ab!", "!", null, "日本語!");
        assertThat(evaluate(call(Function.CONCAT, TEXT, column(0, TEXT), column(1, TEXT)), batch(vector(TEXT), vector(TEXT)))).isEmpty();
    }

    private static Expression substring(Expression value, long start, Long length) {
        return length == null ? call(Function.SUBSTRING, TEXT, value, literal(start, BIGINT))
                : call(Function.SUBSTRING, TEXT, value, literal(start, BIGINT), literal(length, BIGINT));
    }

    @Test
    void substringCountsCharactersFromOne() {
        Expression value = column(0, TEXT);
        assertThat(evaluate(substring(value, 2, 3L), TEXT, "abcdef", "ab", "", null, "héllo wörld")).containsExactly("bcd", "b", "", null, "éll");
        assertThat(evaluate(substring(value, 0, 2L), TEXT, "abc")).containsExactly("a");
        assertThat(evaluate(substring(value, -5, 7L), TEXT, "abc")).containsExactly("a");
        assertThat(evaluate(substring(value, 3, null), TEXT, "😀b😀d")).containsExactly("😀d");
        assertThat(evaluate(substring(value, 10, null), TEXT, "abc")).containsExactly("");
        assertThat(evaluate(substring(value, 2, Long.MAX_VALUE), TEXT, "abc")).containsExactly("bc");
        assertSqlState(() -> evaluate(substring(value, 1, -1L), TEXT, "abc"), ExpressionErrors.SUBSTRING_ERROR);
        // per-row start and length
        var input = batch(vector(TEXT, "abcdef", "abcdef", "x"), vector(BIGINT, 1L, 4L, null), vector(BIGINT, 2L, 10L, 1L));
        assertThat(evaluate(call(Function.SUBSTRING, TEXT, column(0, TEXT), column(1, BIGINT), column(2, BIGINT)), input))
                .containsExactly("ab", "def", null);
    }

    @Test
    void upperAndLower() {
        assertThat(evaluate(call(Function.UPPER, TEXT, column(0, TEXT)), TEXT, "abc XyZ 09", "straße", "été", "", null))
                .containsExactly("ABC XYZ 09", "STRAßE", "ÉTÉ", "", null);
        assertThat(evaluate(call(Function.LOWER, TEXT, column(0, TEXT)), TEXT, "ABC xYz", "ÉTÉ", null)).containsExactly("abc xyz", "été", null);
        // Simple case mapping, one code point for one, as PostgreSQL: no final sigma, no dotted i for İ.
        assertThat(evaluate(call(Function.LOWER, TEXT, column(0, TEXT)), TEXT, "ΣΑΣ", "İ")).containsExactly("σασ", "i");
        assertThat(evaluate(call(Function.UPPER, TEXT, column(0, TEXT)), TEXT, "ǆ😀")).containsExactly("Ǆ😀");
    }

    @Test
    void trim() {
        Expression blank = literal(" ", TEXT);
        assertThat(evaluate(call(Function.TRIM_BOTH, TEXT, column(0, TEXT), blank), TEXT, "  a b  ", "   ", "", null, "x"))
                .containsExactly("a b", "", "", null, "x");
        assertThat(evaluate(call(Function.TRIM_LEADING, TEXT, column(0, TEXT), blank), TEXT, "  a  ")).containsExactly("a  ");
        assertThat(evaluate(call(Function.TRIM_TRAILING, TEXT, column(0, TEXT), blank), TEXT, "  a  ")).containsExactly("  a");
        assertThat(evaluate(call(Function.TRIM_BOTH, TEXT, column(0, TEXT), literal("é😀x", TEXT)), TEXT, "😀éaé😀xbx😀"))
                .containsExactly("aé😀xb");
        assertThat(evaluate(call(Function.TRIM_BOTH, TEXT, column(0, TEXT), literal("", TEXT)), TEXT, " a ")).containsExactly(" a ");
    }

    @Test
    void charLengthCountsCodePoints() {
        assertThat(evaluate(call(Function.CHAR_LENGTH, BIGINT, column(0, TEXT)), TEXT, "", "abc", "héllo", "😀😀", null))
                .containsExactly(0L, 3L, 5L, 2L, null);
    }

    @Test
    void position() {
        var input = batch(vector(TEXT, "c", "", "z", "ö", null), vector(TEXT, "abcabc", "abc", "abc", "schön", "x"));
        assertThat(evaluate(call(Function.POSITION, BIGINT, column(0, TEXT), column(1, TEXT)), input))
                .containsExactly(3L, 1L, 0L, 4L, null);
        assertThat(evaluate(call(Function.POSITION, BIGINT, literal("€", TEXT), column(0, TEXT)), TEXT, "5 €", "")).containsExactly(3L, 0L);
    }

    @Test
    void replace() {
        Expression expression = call(Function.REPLACE, TEXT, column(0, TEXT), literal("ab", TEXT), literal("X", TEXT));
        assertThat(evaluate(expression, TEXT, "abcab", "aab", "none", "", null, "ababab")).containsExactly("XcX", "aX", "none", "", null, "XXX");
        assertThat(evaluate(call(Function.REPLACE, TEXT, column(0, TEXT), literal("", TEXT), literal("X", TEXT)), TEXT, "abc"))
                .containsExactly("abc");
        assertThat(evaluate(call(Function.REPLACE, TEXT, column(0, TEXT), literal("é", TEXT), literal("", TEXT)), TEXT, "éléphant"))
                .containsExactly("lphant");
    }
}
