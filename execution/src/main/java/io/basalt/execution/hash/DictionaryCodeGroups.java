package io.basalt.execution.hash;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DictionaryView;

import java.util.Arrays;

/**
 * Group ids of text keys by their dictionary codes, for keys whose columns were each gathered from one storage
 * dictionary (TPC-H Q1's {@code l_returnflag, l_linestatus}: three and two entries). The codes of a row's columns
 * combine into one index ({@code Σ (code + 1) × stride}, NULL being 0) of a directly indexed array of group ids,
 * so a row costs a few array reads and no hashing or byte comparison.
 *
 * <p>Codes only mean something within their dictionary, and blocks and segments each have their own: the array
 * holds the groups of one combination of dictionaries (compared by identity), and a batch from another
 * combination empties it. It is a cache in front of the table that owns the groups: an unknown index is asked
 * there, by the row's bytes, and remembered.
 */
final class DictionaryCodeGroups {

    /** The largest array, in combinations of codes (NULL included): 16 KB of ints. */
    static final int MAX_COMBINATIONS = 1 << 12;

    private final BytesVector[] dictionaries;
    private final int[][] codes;
    private final int[] strides;
    private final MemoryReservation memory;
    private int[] groups = new int[0]; // group id + 1; 0 = not known yet
    private int combinations;
    private long reservedBytes;

    DictionaryCodeGroups(int columns, MemoryReservation memory) {
        this.dictionaries = new BytesVector[columns];
        this.codes = new int[columns][];
        this.strides = new int[columns];
        this.memory = memory;
    }

    /**
     * Whether this batch's keys can be looked up by code: every column gathered from a dictionary, with few enough
     * combinations. Prepares {@link #index} for the batch's rows (and empties the array when the dictionaries
     * changed).
     */
    boolean use(ColumnVector[] keys) {
        boolean sameDictionaries = combinations > 0;
        for (int c = 0; c < keys.length; c++) {
            if (!(keys[c] instanceof BytesVector text) || text.dictionary() == null) {
                return false;
            }
            sameDictionaries &= text.dictionary().entries() == dictionaries[c];
        }
        if (!sameDictionaries && !start(keys)) {
            return false;
        }
        for (int c = 0; c < keys.length; c++) {
            codes[c] = ((BytesVector) keys[c]).dictionary().codes();
        }
        return true;
    }

    /** Starts an empty array for the keys' dictionaries; false when their combinations are too many. */
    private boolean start(ColumnVector[] keys) {
        long product = 1;
        for (int c = keys.length - 1; c >= 0; c--) {
            DictionaryView dictionary = ((BytesVector) keys[c]).dictionary();
            strides[c] = (int) product;
            product *= dictionary.entries().positionCount() + 1L;
            if (product > MAX_COMBINATIONS) {
                combinations = 0;
                return false;
            }
        }
        if (groups.length < product) {
            long bytes = (product - groups.length) * Integer.BYTES;
            memory.grow(bytes);
            reservedBytes += bytes;
            groups = new int[(int) product];
        }
        combinations = (int) product;
        Arrays.fill(groups, 0, combinations, 0);
        for (int c = 0; c < keys.length; c++) {
            dictionaries[c] = ((BytesVector) keys[c]).dictionary().entries();
        }
        return true;
    }

    /** Finds (or adds) the group of a combination of codes not seen yet, by the row's values. */
    @FunctionalInterface
    interface NewCombination {
        /** The group of row {@code row}'s key, or -1 when it has none; remembered at {@code index} when found. */
        int group(int row, int index);
    }

    /**
     * The group of each of rows {@code positions[0..count)}' keys in the batch {@link #use} accepted last, into
     * {@code groupIds}; a combination not seen yet is asked of {@code newCombination} (the first rows of a new block's
     * dictionaries). One and two key columns (TPC-H Q1: two) take one pass over the rows; more, a tight loop per
     * column summing the indexes, then one pass looking them up.
     */
    void groups(int[] positions, int count, int[] groupIds, NewCombination newCombination) {
        if (codes.length <= 2) {
            int i = 0;
            while ((i = knownGroups(positions, i, count, groupIds)) < count) {
                int row = positions[i];
                groupIds[i] = newCombination.group(row, index(row));
                i++;
            }
            return;
        }
        Arrays.fill(groupIds, 0, count, 0);
        for (int c = 0; c < codes.length; c++) {
            int[] columnCodes = codes[c];
            int stride = strides[c];
            for (int i = 0; i < count; i++) {
                groupIds[i] += (columnCodes[positions[i]] + 1) * stride;
            }
        }
        int[] known = groups;
        for (int i = 0; i < count; i++) {
            int index = groupIds[i];
            int group = known[index] - 1;
            groupIds[i] = group >= 0 ? group : newCombination.group(positions[i], index);
        }
    }

    /**
     * The known groups of rows {@code positions[from..)} of one or two key columns into {@code groupIds}, up to the
     * first row whose combination is not known yet; returns that row's place, or {@code count}. The question for a new
     * combination stays out of this loop: a call in it (to the generic table) made the loop twice as slow even when
     * never taken (micro-benchmark: 1.2 ns per row without it, 2.3 with it).
     */
    private int knownGroups(int[] positions, int from, int count, int[] groupIds) {
        int[] known = groups;
        int[] codes0 = codes[0];
        int stride0 = strides[0];
        if (codes.length == 1) {
            for (int i = from; i < count; i++) {
                int group = known[(codes0[positions[i]] + 1) * stride0] - 1;
                if (group < 0) {
                    return i;
                }
                groupIds[i] = group;
            }
            return count;
        }
        int[] codes1 = codes[1];
        int stride1 = strides[1];
        for (int i = from; i < count; i++) {
            int row = positions[i];
            int group = known[(codes0[row] + 1) * stride0 + (codes1[row] + 1) * stride1] - 1;
            if (group < 0) {
                return i;
            }
            groupIds[i] = group;
        }
        return count;
    }

    /** The array index of row {@code row}'s key in the batch {@link #use} accepted last. */
    private int index(int row) {
        int index = 0;
        for (int c = 0; c < codes.length; c++) {
            index += (codes[c][row] + 1) * strides[c];
        }
        return index;
    }

    /** The group at {@code index}, or -1 when not known yet. */
    int group(int index) {
        return groups[index] - 1;
    }

    void remember(int index, int group) {
        groups[index] = group + 1;
    }

    void release() {
        memory.shrink(reservedBytes);
        reservedBytes = 0;
        groups = new int[0];
        combinations = 0;
    }
}
