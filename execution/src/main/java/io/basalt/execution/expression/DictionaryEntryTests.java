package io.basalt.execution.expression;

import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.DictionaryView;

/**
 * Runs a test of text values (an equality, an IN list, a LIKE pattern) on a vector gathered from one storage
 * dictionary ({@link BytesVector#dictionary()}) once per dictionary entry instead of once per row: each row then
 * takes its entry's result by code. A scan's filter that the scan cannot test on codes itself (a disjunction over
 * several columns, such as TPC-H Q19's brand, container and size branches) is evaluated on the batch's vectors,
 * and such vectors of low-cardinality columns name a few dozen entries for thousands of rows.
 */
final class DictionaryEntryTests {

    /** Sets {@code out[i]} for the first {@code count} positions of {@code values} that pass the test. */
    interface BytesTest {
        void test(BytesVector values, boolean[] out, int count);
    }

    private DictionaryEntryTests() {
    }

    /**
     * {@code out[i]} = whether row {@code i} of {@code vector} passes {@code test}, for {@code i < rows}. A NULL row
     * gets false: the caller masks NULLs as before. Without a dictionary, or with one not smaller than half the rows,
     * the test runs on the rows themselves.
     */
    static void test(BytesVector vector, boolean[] out, int rows, BytesTest test) {
        DictionaryView dictionary = vector.dictionary();
        if (dictionary == null || dictionary.codes().length < rows || dictionary.entries().positionCount() * 2 > rows) {
            test.test(vector, out, rows);
            return;
        }
        BytesVector entries = dictionary.entries();
        int entryCount = entries.positionCount();
        boolean[] passed = new boolean[entryCount];
        test.test(entries, passed, entryCount);
        // Indexed by code + 1, so a NULL row's code (-1) reads the false at [0] without a branch.
        boolean[] byCode = new boolean[entryCount + 1];
        System.arraycopy(passed, 0, byCode, 1, entryCount);
        int[] codes = dictionary.codes();
        for (int i = 0; i < rows; i++) {
            out[i] = byCode[codes[i] + 1];
        }
    }
}
