package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
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
 * Text tests on a vector gathered from a dictionary (evaluated once per entry, {@link DictionaryEntryTests}) give
 * what the same tests give on the same values without a dictionary: equalities and other comparisons with a
 * constant, short and long IN lists, LIKE and NOT LIKE, with NULL rows; also when the dictionary is too large for
 * the per-entry path.
 */
class DictionaryEntryTestsTest {

    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;

    private static List<Expression> predicates() {
        List<Expression> predicates = new ArrayList<>();
        for (Function operator : new Function[] {Function.EQUAL, Function.NOT_EQUAL, Function.LESS_THAN,
                Function.GREATER_THAN_OR_EQUAL}) {
            predicates.add(call(operator, BOOLEAN, column(0, TEXT), literal("MED BOX", TEXT)));
            predicates.add(call(operator, BOOLEAN, literal("A", TEXT), column(0, TEXT)));
        }
        predicates.add(textIn(column(0, TEXT), "SM BOX", "MED BOX", "nothing"));
        predicates.add(textIn(column(0, TEXT), "SM BOX", "MED BOX", "LG CASE", "A", "B", "C", "D", "E", "F", "G")); // a hashed list
        predicates.add(call(Function.LIKE, BOOLEAN, column(0, TEXT), literal("%BOX%", TEXT)));
        predicates.add(call(Function.LIKE, BOOLEAN, column(0, TEXT), literal("_", TEXT)));
        predicates.add(call(Function.NOT, BOOLEAN, call(Function.LIKE, BOOLEAN, column(0, TEXT), literal("SM%", TEXT))));
        return predicates;
    }

    private static void checkAgainstPlainVector(String[] entries, int rows, long seed) {
        BytesVector dictionary = (BytesVector) vector(TEXT, (Object[]) entries);
        Random random = new Random(seed);
        int[] codes = new int[rows];
        Object[] values = new Object[rows];
        for (int row = 0; row < rows; row++) {
            codes[row] = random.nextInt(entries.length + 1) - 1; // -1 is NULL
            values[row] = codes[row] < 0 ? null : entries[codes[row]];
        }
        BytesVector coded = BytesVector.fromCodes(dictionary, codes, rows);
        assertThat(coded.dictionary()).isNotNull();
        ColumnVector plain = vector(TEXT, values);
        for (Expression predicate : predicates()) {
            assertThat(evaluate(predicate, batch(coded)))
                    .as("%s over %d entries", predicate, entries.length)
                    .containsExactlyElementsOf(evaluate(predicate, batch(plain)));
        }
    }

    @Test
    void fewEntriesForManyRows() {
        checkAgainstPlainVector(new String[] {"", "LG CASE", "MED BOX", "MED PACK", "SM BOX", "SM PKG", "ZZ"}, 500, 1);
    }

    @Test
    void oneByteEntries() {
        checkAgainstPlainVector(new String[] {"A", "F", "N", "O", "R"}, 300, 2);
    }

    @Test
    void moreEntriesThanHalfTheRowsTestTheRows() {
        String[] entries = new String[40];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = (i % 2 == 0 ? "SM BOX " : "MED BOX ") + i;
        }
        checkAgainstPlainVector(entries, 50, 3);
    }
}
