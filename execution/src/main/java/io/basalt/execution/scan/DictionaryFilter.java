package io.basalt.execution.scan;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.encoding.BlockDictionary;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.List;

/**
 * Filter evaluation on dictionary-encoded data: a pushed filter that reads one text column is a function of
 * that column's value alone, so it is evaluated once per distinct value of a block (and once for NULL) instead
 * of once per row; rows are then kept by looking up their dictionary code. A block of 65,536 {@code l_shipmode}
 * values has 7 distinct ones.
 */
final class DictionaryFilter {

    private DictionaryFilter() {
    }

    /**
     * Per entry of {@code dictionary}, whether it passes {@code filter}, with one more element at the end for a
     * NULL row; null when the filter raised an error on some entry. That entry may belong to no row the query
     * reads (a deleted row, or rows of the block outside this morsel), so the error is left to row-by-row
     * evaluation, which raises it only if a row really holds that value.
     */
    static boolean[] passingEntries(CompiledExpression filter, BlockDictionary dictionary) {
        BytesVector entries = dictionary.entries();
        int count = entries.positionCount();
        BytesVector withNull = new BytesVector(count + 1, entries.dataSize());
        VectorCopier.appendRange(withNull, entries, 0, count);
        withNull.appendNull();
        ColumnVector condition;
        try {
            condition = filter.evaluate(new ColumnBatch(count + 1, List.of(withNull)));
        } catch (ExecutionException e) {
            return null;
        }
        int[] passing = new int[count + 1];
        int passed = Selection.trueRows(condition, count + 1, passing);
        boolean[] result = new boolean[count + 1];
        for (int i = 0; i < passed; i++) {
            result[passing[i]] = true;
        }
        return result;
    }

    /** Whether every row of the block passes: every entry does, and NULL too if the block has NULL rows. */
    static boolean everyRowPasses(BlockDictionary dictionary, boolean[] passingEntries) {
        int nullEntry = passingEntries.length - 1;
        for (int e = 0; e < nullEntry; e++) {
            if (!passingEntries[e]) {
                return false;
            }
        }
        return passingEntries[nullEntry] || dictionary.nullCount() == 0;
    }

    /**
     * Keeps the rows of {@code [start, start + count)} (or of {@code positions}, offsets from {@code start})
     * whose entry passes; writes the kept offsets into {@code kept} and returns how many there are. Only those rows'
     * codes are read (a block's codes stay packed: {@link BlockDictionary}).
     */
    static int select(BlockDictionary dictionary, boolean[] passingEntries, int blockStart, int start,
                      int[] positions, int count, int[] kept) {
        return dictionary.select(passingEntries, start - blockStart, positions, count, kept);
    }
}
