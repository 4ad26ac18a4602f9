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

/** Regular expressions with PostgreSQL's syntax, flags and replacement references. */
class RegexFunctionsTest {

    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType BIGINT = LogicalType.BIGINT;
    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;

    @Test
    void matchesWithFlagsAndPerRowPatterns() {
        var input = batch(vector(TEXT, "Hello", "hello", "x\ny", null), vector(TEXT, "^h", "^h", "x.y", "a"));
        assertThat(evaluate(call(Function.REGEXP_LIKE, BOOLEAN, column(0, TEXT), column(1, TEXT)), input))
                .containsExactly(false, true, true, null);
        assertThat(evaluate(call(Function.REGEXP_LIKE, BOOLEAN, column(0, TEXT), column(1, TEXT), literal("i", TEXT)), input))
                .containsExactly(true, true, true, null);
        // Flag n: newline-sensitive, a dot no longer matches a newline and ^ matches after one.
        assertThat(evaluate(call(Function.REGEXP_LIKE, BOOLEAN, column(0, TEXT), literal("x.y", TEXT), literal("n", TEXT)), TEXT, "x\ny"))
                .containsExactly(false);
        // $ is the very end unless flag n; Java's would also match before a final newline.
        assertThat(evaluate(call(Function.REGEXP_LIKE, BOOLEAN, column(0, TEXT), literal("c$", TEXT)), TEXT, "abc\n", "abc"))
                .containsExactly(false, true);
        assertThat(evaluate(call(Function.REGEXP_LIKE, BOOLEAN, column(0, TEXT), literal("c$", TEXT), literal("n", TEXT)), TEXT, "abc\nd"))
                .containsExactly(true);
    }

    @Test
    void translatesPosixClassesAndWordBoundaries() {
        assertThat(RegularExpressions.javaSyntax("[[:alpha:]_][[:digit:]]", false)).isEqualTo("[\\p{IsAlphabetic}_][\\p{IsDigit}]");
        assertThat(RegularExpressions.javaSyntax("\\mfoo\\M", false)).isEqualTo("\\b(?=\\w)foo\\b(?<=\\w)");
        assertThat(RegularExpressions.javaSyntax("[]a]$", false)).isEqualTo("[\\]a]\\z");
        assertThat(evaluate(call(Function.REGEXP_LIKE, BOOLEAN, column(0, TEXT), literal("\\mcat\\M", TEXT)), TEXT, "a cat", "concat"))
                .containsExactly(true, false);
        assertSqlState(() -> evaluate(call(Function.REGEXP_LIKE, BOOLEAN, column(0, TEXT), literal("[[:nope:]]", TEXT)), TEXT, "a"),
                ExpressionErrors.INVALID_REGULAR_EXPRESSION);
    }

    @Test
    void replacesFirstOrEveryMatchWithGroupReferences() {
        assertThat(RegularExpressions.javaReplacement("\\2-\\1 $ \\& \\\\ \\9", 2)).isEqualTo("$2-$1 \\$ $0 \\\\ ");
        Expression value = column(0, TEXT);
        assertThat(evaluate(call(Function.REGEXP_REPLACE, TEXT, value, literal("(\\d)", TEXT), literal("<\\1>", TEXT)), TEXT, "a1b2", null))
                .containsExactly("a<1>b2", null);
        assertThat(evaluate(call(Function.REGEXP_REPLACE, TEXT, value, literal("(\\d)", TEXT), literal("<\\1>", TEXT), literal("g", TEXT)),
                TEXT, "a1b2")).containsExactly("a<1>b<2>");
        assertSqlState(() -> evaluate(call(Function.REGEXP_REPLACE, TEXT, value, literal("a", TEXT), literal("b", TEXT), literal("q", TEXT)),
                TEXT, "a"), ExpressionErrors.INVALID_PARAMETER_VALUE);
        assertSqlState(() -> evaluate(call(Function.REGEXP_REPLACE, TEXT, value, literal("(", TEXT), literal("b", TEXT)), TEXT, "a"),
                ExpressionErrors.INVALID_REGULAR_EXPRESSION);
    }

    @Test
    void countsAndExtractsMatches() {
        Expression value = column(0, TEXT);
        assertThat(evaluate(call(Function.REGEXP_COUNT, BIGINT, value, literal("a*", TEXT)), TEXT, "baaa")).containsExactly(3L);
        assertThat(evaluate(call(Function.REGEXP_COUNT, BIGINT, value, literal("é", TEXT), literal(2L, BIGINT)), TEXT, "ééé"))
                .containsExactly(2L);
        assertSqlState(() -> evaluate(call(Function.REGEXP_COUNT, BIGINT, value, literal("a", TEXT), literal(0L, BIGINT)), TEXT, "a"),
                ExpressionErrors.INVALID_PARAMETER_VALUE);
        assertThat(evaluate(call(Function.REGEXP_SUBSTR, TEXT, value, literal("[0-9]+", TEXT), literal(1L, BIGINT), literal(2L, BIGINT)),
                TEXT, "a1b22c333", "a1")).containsExactly("22", null);
        assertThat(evaluate(call(Function.REGEXP_SUBSTR, TEXT, value, literal("(\\w)(\\d)", TEXT), literal(1L, BIGINT), literal(1L, BIGINT),
                literal("", TEXT), literal(2L, BIGINT)), TEXT, "xa1")).containsExactly("1");
    }
}
