package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class LikeTest {

    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;

    private static List<Object> like(String pattern, Object... values) {
        return evaluate(call(Function.LIKE, BOOLEAN, column(0, TEXT), literal(pattern, TEXT)), TEXT, values);
    }

    @Test
    void theShapesFiltersUse() {
        assertThat(like("PROMO%", "PROMO BURNISHED", "PROMO", "XPROMO", "", null)).containsExactly(true, true, false, false, null);
        assertThat(like("%BRASS", "LARGE BRASS", "BRASS", "BRASSY")).containsExactly(true, true, false);
        assertThat(like("%green%", "dark green olive", "green", "gren")).containsExactly(true, true, false);
        assertThat(like("%special%requests%", "a special deal with requests", "requests special", "specialrequests"))
                .containsExactly(true, false, true);
        assertThat(like("MAIL", "MAIL", "MAILS", "")).containsExactly(true, false, false);
        assertThat(like("%", "", "anything")).containsExactly(true, true);
        assertThat(like("", "", "x")).containsExactly(true, false);
        assertThat(like("a%b%c", "abc", "aXbYc", "ab", "acb", "abcc")).containsExactly(true, true, false, false, true);
    }

    @Test
    void underscoreMatchesOneCharacterOfAnyByteLength() {
        assertThat(like("_", "a", "é", "中", "😀", "", "ab")).containsExactly(true, true, true, true, false, false);
        assertThat(like("h_llo", "hello", "hällo", "hllo")).containsExactly(true, true, false);
        assertThat(like("%_😀", "a😀", "😀", "😀😀")).containsExactly(true, false, true);
        assertThat(like("日本%", "日本語", "日", "本日本")).containsExactly(true, false, false);
    }

    @Test
    void escapeCharacter() {
        Expression expression = call(Function.LIKE, BOOLEAN, column(0, TEXT), literal("50!%%", TEXT), literal("!", TEXT));
        assertThat(evaluate(expression, TEXT, "50% off", "500 off")).containsExactly(true, false);
        Expression escapedUnderscore = call(Function.LIKE, BOOLEAN, column(0, TEXT), literal("a\\_b", TEXT), literal("\\", TEXT));
        assertThat(evaluate(escapedUnderscore, TEXT, "a_b", "axb")).containsExactly(true, false);
        // Without an escape argument a backslash is an ordinary character.
        assertThat(like("a\\_b", "a\\xb", "a_b")).containsExactly(true, false);
        Expression trailingEscape = call(Function.LIKE, BOOLEAN, column(0, TEXT), literal("abc!", TEXT), literal("!", TEXT));
        assertSqlState(() -> evaluate(trailingEscape, TEXT, "abc"), ExpressionErrors.INVALID_ESCAPE_SEQUENCE);
        assertThat(evaluate(trailingEscape, TEXT, (Object) null)).containsExactly((Object) null);
        Expression longEscape = call(Function.LIKE, BOOLEAN, column(0, TEXT), literal("abc", TEXT), literal("!!", TEXT));
        assertSqlState(() -> evaluate(longEscape, TEXT, "abc"), ExpressionErrors.INVALID_ESCAPE_CHARACTER);
    }

    @Test
    void patternsFromAColumn() {
        var input = batch(vector(TEXT, "abc", "abc", "abc", null, "x"), vector(TEXT, "a%", "a%", "%d", "%", null));
        assertThat(evaluate(call(Function.LIKE, BOOLEAN, column(0, TEXT), column(1, TEXT)), input))
                .containsExactly(true, true, false, null, null);
    }

    /** Random patterns over a small alphabet, against java.util.regex with the same meaning. */
    @Test
    void randomPatternsAgreeWithRegularExpressions() {
        Random random = new Random(17);
        String[] alphabet = {"a", "b", "é", "😀", "%", "_"};
        String[] valueAlphabet = {"a", "b", "é", "😀"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder pattern = new StringBuilder();
            StringBuilder regex = new StringBuilder();
            for (int i = random.nextInt(7); i > 0; i--) {
                String piece = alphabet[random.nextInt(alphabet.length)];
                pattern.append(piece);
                regex.append(piece.equals("%") ? ".*" : piece.equals("_") ? "." : Pattern.quote(piece));
            }
            Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
            Object[] values = new Object[20];
            List<Object> expected = new ArrayList<>();
            for (int v = 0; v < values.length; v++) {
                StringBuilder value = new StringBuilder();
                for (int i = random.nextInt(7); i > 0; i--) {
                    value.append(valueAlphabet[random.nextInt(valueAlphabet.length)]);
                }
                values[v] = value.toString();
                expected.add(compiled.matcher(value).matches());
            }
            assertThat(like(pattern.toString(), values)).as(pattern.toString()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void emptyBatch() {
        assertThat(like("a%")).isEmpty();
        assertThat(evaluate(call(Function.LIKE, BOOLEAN, column(0, TEXT), literal(null, TEXT)), TEXT, "a")).containsExactly((Object) null);
        // An empty escape string disables escaping.
        assertThat(evaluate(call(Function.LIKE, BOOLEAN, column(0, TEXT), literal("a\\%", TEXT), literal("", TEXT)), TEXT, "a\\bc", "abc"))
                .containsExactly(true, false);
    }

    /**
     * Leading-% patterns search the whole batch's bytes at once: an occurrence running from one value into the
     * next must not count, nor may one that sits in a later value, and nulls and empty values stay apart.
     */
    @Test
    void occurrencesDoNotCrossValues() {
        assertThat(like("%special%", "xx spec", "ial yy", "a long value that says special at the end", "", null, "special"))
                .containsExactly(false, false, true, false, null, true);
        assertThat(like("%special%requests%", "special", "requests", "special and then requests", "requests, then special",
                "a special one, with special requests at the end of a long value"))
                .containsExactly(false, false, true, false, true);
        assertThat(like("%special%requ_sts", "special requests", "special requests!", "specialrequ😀sts", "special"))
                .containsExactly(true, false, true, false);
    }
}
