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

/** PostgreSQL's string functions on UTF-8 vectors: character counting, NULLs per argument and the error cases. */
class TextFunctionsTest {

    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType BIGINT = LogicalType.BIGINT;

    @Test
    void padCountsCharactersAndRepeatsMultiCharacterFills() {
        var input = batch(vector(TEXT, "ab", "héllo", "", null, "x"), vector(BIGINT, 5L, 3L, 2L, 4L, null));
        assertThat(evaluate(call(Function.LPAD, TEXT, column(0, TEXT), column(1, BIGINT), literal("€.", TEXT)), input))
                .containsExactly("€.€ab", "hél", "€.", null, null);
        assertThat(evaluate(call(Function.RPAD, TEXT, column(0, TEXT), column(1, BIGINT)), input))
                .containsExactly("ab   ", "hél", "  ", null, null);
        assertThat(evaluate(call(Function.LPAD, TEXT, column(0, TEXT), literal(-3L, BIGINT)), TEXT, "abc")).containsExactly("");
    }

    @Test
    void repeatBeyondTheTextLimitIsRefused() {
        assertSqlState(() -> evaluate(call(Function.REPEAT, TEXT, column(0, TEXT), literal(1L << 40, BIGINT)), TEXT, "ab"),
                ExpressionErrors.PROGRAM_LIMIT_EXCEEDED);
        assertSqlState(() -> evaluate(call(Function.LPAD, TEXT, column(0, TEXT), literal(1L << 40, BIGINT)), TEXT, "ab"),
                ExpressionErrors.PROGRAM_LIMIT_EXCEEDED);
    }

    @Test
    void splitPartCountsFromEitherEnd() {
        var input = batch(vector(TEXT, "a||b||c", "a||b||c", "a||b||c", "a||b||c", "", "abc"),
                vector(BIGINT, 1L, 3L, -1L, -4L, 1L, 1L));
        assertThat(evaluate(call(Function.SPLIT_PART, TEXT, column(0, TEXT), literal("||", TEXT), column(1, BIGINT)), input))
                .containsExactly("a", "c", "c", "", "", "abc");
        assertSqlState(() -> evaluate(call(Function.SPLIT_PART, TEXT, column(0, TEXT), literal(",", TEXT), literal(0L, BIGINT)),
                TEXT, "a,b"), ExpressionErrors.INVALID_PARAMETER_VALUE);
    }

    @Test
    void leftRightReverseAndInitcapWorkOnCodePoints() {
        Expression value = column(0, TEXT);
        assertThat(evaluate(call(Function.LEFT, TEXT, value, literal(-1L, BIGINT)), TEXT, "日本語", "", null))
                .containsExactly("日本", "", null);
        assertThat(evaluate(call(Function.RIGHT, TEXT, value, literal(2L, BIGINT)), TEXT, "😀日本", "a")).containsExactly("日本", "a");
        assertThat(evaluate(call(Function.REVERSE, TEXT, value), TEXT, "a😀é")).containsExactly("é😀a");
        assertThat(evaluate(call(Function.INITCAP, TEXT, value), TEXT, "élan VITAL x2y", "o'neil")).containsExactly("Élan Vital X2y", "O'Neil");
    }

    @Test
    void concatSkipsNullsAndConcatWsNeedsASeparator() {
        var input = batch(vector(TEXT, "a", null, null), vector(TEXT, null, "b", null));
        assertThat(evaluate(call(Function.CONCAT_IGNORING_NULLS, TEXT, column(0, TEXT), column(1, TEXT)), input))
                .containsExactly("a", "b", "");
        assertThat(evaluate(call(Function.CONCAT_WS, TEXT, literal("-", TEXT), column(0, TEXT), literal("x", TEXT), column(1, TEXT)), input))
                .containsExactly("a-x", "x-b", "x");
        assertThat(evaluate(call(Function.CONCAT_WS, TEXT, literal(null, TEXT), column(0, TEXT)), input)).containsExactly(null, null, null);
    }

    @Test
    void byteAndCodePointFunctions() {
        assertThat(evaluate(call(Function.OCTET_LENGTH, BIGINT, column(0, TEXT)), TEXT, "é€😀", "", null)).containsExactly(9L, 0L, null);
        assertThat(evaluate(call(Function.ASCII, BIGINT, column(0, TEXT)), TEXT, "😀x", "")).containsExactly(0x1F600L, 0L);
        assertThat(evaluate(call(Function.CHR, TEXT, column(0, BIGINT)), BIGINT, 0x1F600L, 97L, null)).containsExactly("😀", "a", null);
        assertSqlState(() -> evaluate(call(Function.CHR, TEXT, column(0, BIGINT)), BIGINT, 0L), ExpressionErrors.PROGRAM_LIMIT_EXCEEDED);
        assertSqlState(() -> evaluate(call(Function.CHR, TEXT, column(0, BIGINT)), BIGINT, 0xD800L), ExpressionErrors.PROGRAM_LIMIT_EXCEEDED);
        assertSqlState(() -> evaluate(call(Function.CHR, TEXT, column(0, BIGINT)), BIGINT, -5L), ExpressionErrors.INVALID_PARAMETER_VALUE);
        assertThat(evaluate(call(Function.MD5, TEXT, column(0, TEXT)), TEXT, "é", null))
                .containsExactly("66ddcd97cfdeabb2f6fb8a999b4bc76f", null); // PostgreSQL's md5('é')
    }

    @Test
    void startsWithComparesBytes() {
        var input = batch(vector(TEXT, "héllo", "h", "", null), vector(TEXT, "hé", "hé", "", "x"));
        assertThat(evaluate(call(Function.STARTS_WITH, LogicalType.BOOLEAN, column(0, TEXT), column(1, TEXT)), input))
                .containsExactly(true, false, true, null);
    }
}
