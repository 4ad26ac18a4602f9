package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.textIn;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Equalities and IN lists with constants of up to eight bytes compare packed keys ({@link ShortTextKeys}): they must
 * give what string equality gives for values of every length around eight bytes, prefixes of each other, bytes with
 * the high bit set, NULLs, and values at the very end of the vector's bytes (fewer than eight bytes left to load).
 */
class ShortTextKeysTest {

    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;
    private static final String[] VALUES = {"", "a", "ab", "abc", "abcdefg", "abcdefgh", "abcdefghi", "é", "éa", "13",
            "31", "\u0000", "\u0000\u0000", "zzzzzzzz", "zzzzzzz"};

    @Test
    void packedComparisonsAgreeWithStringEquality() {
        Random random = new Random(5);
        for (int round = 0; round < 20; round++) {
            int rows = 1 + random.nextInt(40);
            Object[] values = new Object[rows];
            for (int row = 0; row < rows; row++) {
                values[row] = random.nextInt(10) == 0 ? null : VALUES[random.nextInt(VALUES.length)];
            }
            var input = batch(vector(TEXT, values));
            for (String constant : VALUES) {
                List<Object> equal = new ArrayList<>();
                List<Object> notEqual = new ArrayList<>();
                for (Object value : values) {
                    equal.add(value == null ? null : value.equals(constant));
                    notEqual.add(value == null ? null : !value.equals(constant));
                }
                assertThat(evaluate(call(Function.EQUAL, BOOLEAN, column(0, TEXT), literal(constant, TEXT)), input))
                        .as("= '%s'", constant).containsExactlyElementsOf(equal);
                assertThat(evaluate(call(Function.NOT_EQUAL, BOOLEAN, column(0, TEXT), literal(constant, TEXT)), input))
                        .as("<> '%s'", constant).containsExactlyElementsOf(notEqual);
            }
            String[] list = {VALUES[random.nextInt(VALUES.length)], VALUES[random.nextInt(VALUES.length)], "13", "abcdefgh"};
            List<Object> expected = new ArrayList<>();
            for (Object value : values) {
                expected.add(value == null ? null : List.of(list).contains(value));
            }
            assertThat(evaluate(textIn(column(0, TEXT), list), input)).as("IN %s", List.of(list)).containsExactlyElementsOf(expected);
        }
    }
}
