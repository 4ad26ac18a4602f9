package io.basalt.storage.vector;

/**
 * Where the arrays of a batch's new vectors come from: {@link #NEW} allocates them; the executor lends recycled
 * ones for batches that die before the next is built (its {@code BatchArena}). An array may be longer than asked
 * for, and holds arbitrary values except where a method says otherwise.
 */
public interface VectorBuffers {

    /** Fresh arrays of exactly the asked length. */
    VectorBuffers NEW = new VectorBuffers() {
        @Override
        public long[] longs(int count) {
            return new long[Math.max(count, 1)];
        }

        @Override
        public int[] ints(int count) {
            return new int[Math.max(count, 1)];
        }

        @Override
        public byte[] bytes(int count) {
            return new byte[Math.max(count, 1)];
        }

        @Override
        public boolean[] clearFlags(int count) {
            return new boolean[Math.max(count, 1)];
        }
    };

    long[] longs(int count);

    int[] ints(int count);

    byte[] bytes(int count);

    /** Flags whose first {@code count} are false (a null mask without nulls). */
    boolean[] clearFlags(int count);
}
