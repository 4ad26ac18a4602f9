package io.basalt.storage.deletion;

import java.util.Arrays;

/**
 * The set of deleted row positions of one segment, as a bitmap. Immutable: a delete produces a new vector
 * (the union), because published versions keep referring to the old one.
 */
public final class DeletionVector {

    private final long rowCount;
    private final long[] words;
    private final long deletedCount;

    private DeletionVector(long rowCount, long[] words) {
        this.rowCount = rowCount;
        this.words = words;
        long count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        this.deletedCount = count;
    }

    public static DeletionVector empty(long rowCount) {
        return new DeletionVector(rowCount, new long[wordCount(rowCount)]);
    }

    public static DeletionVector of(long rowCount, long... positions) {
        long[] words = new long[wordCount(rowCount)];
        for (long position : positions) {
            checkPosition(rowCount, position);
            words[(int) (position >>> 6)] |= 1L << position;
        }
        return new DeletionVector(rowCount, words);
    }

    static DeletionVector fromWords(long rowCount, long[] words) {
        if (words.length != wordCount(rowCount)) {
            throw new IllegalArgumentException("a deletion vector of " + rowCount + " rows needs " + wordCount(rowCount)
                    + " words, got " + words.length);
        }
        long tailBits = rowCount & 63;
        if (tailBits != 0 && (words[words.length - 1] >>> tailBits) != 0) {
            throw new IllegalArgumentException("deletion vector marks rows past its row count " + rowCount);
        }
        return new DeletionVector(rowCount, words);
    }

    public long rowCount() {
        return rowCount;
    }

    public long deletedCount() {
        return deletedCount;
    }

    public boolean isDeleted(long position) {
        return (words[(int) (position >>> 6)] & (1L << position)) != 0;
    }

    public DeletionVector union(DeletionVector other) {
        if (other.rowCount != rowCount) {
            throw new IllegalArgumentException("deletion vectors of " + rowCount + " and " + other.rowCount + " rows");
        }
        long[] merged = Arrays.copyOf(words, words.length);
        for (int i = 0; i < merged.length; i++) {
            merged[i] |= other.words[i];
        }
        return new DeletionVector(rowCount, merged);
    }

    /**
     * Writes the positions in {@code [from, from + count)} that are NOT deleted, relative to {@code from},
     * into {@code selection}; returns how many. This is the selection vector a scan applies to a block.
     */
    public int liveSelection(long from, int count, int[] selection) {
        int selected = 0;
        for (int i = 0; i < count; i++) {
            long position = from + i;
            if ((words[(int) (position >>> 6)] & (1L << position)) == 0) {
                selection[selected++] = i;
            }
        }
        return selected;
    }

    long[] words() {
        return words;
    }

    private static int wordCount(long rowCount) {
        if (rowCount < 0 || rowCount > (long) Integer.MAX_VALUE * 64) {
            throw new IllegalArgumentException("invalid row count " + rowCount);
        }
        return (int) ((rowCount + 63) >>> 6);
    }

    private static void checkPosition(long rowCount, long position) {
        if (position < 0 || position >= rowCount) {
            throw new IllegalArgumentException("row position " + position + " outside a segment of " + rowCount + " rows");
        }
    }
}
