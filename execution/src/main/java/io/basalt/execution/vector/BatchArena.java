package io.basalt.execution.vector;

import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.VectorBuffers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Batch-sized arrays recycled per worker thread for the vectors of batches that die as soon as the pipeline's
 * sink has consumed them. TPC-H Q1 allocated about 590 MB a run, 6 M rows times some 100 bytes of gathered
 * columns and products, each batch in fresh memory that had to be fetched into the cache to be written; writing
 * the same few megabytes again instead took 13 % off its CPU time.
 *
 * <p>Lifetimes are scopes on the worker's stack. {@link #lendingTo} runs a worker's morsels for a sink writer;
 * a producer of batches (a scan morsel) {@linkplain #open opens} a scope before building a batch and
 * {@linkplain #close closes} it after the batch went through the pipeline's operators into the writer. What
 * {@link #longVector}, {@link #int128Vector} and {@link #buffers} hand out while a scope is open is only valid until
 * it closes; elsewhere they are plain new vectors. Scopes lend only while the writer says it keeps no batch
 * ({@code writerKeepsBatches} false): streaming operators keep nothing past their call (their contract), so
 * then nothing can still see a scope's vectors when it closes. Sinks that keep batches (hash-join builds,
 * sorts, result collectors) say so by default and never receive lent vectors.
 *
 * <p>Tests set {@code basalt.batchArena.poison}: every returned array is overwritten, so a vector kept past its
 * scope shows up as wrong results instead of passing by luck.
 */
public final class BatchArena implements VectorBuffers {

    /** Rows of every lent array: a storage block's, the largest batch a scan emits. */
    public static final int ROWS = 1 << 16;

    /** Arrays of one kind a thread keeps for reuse: enough for a wide batch with its projections. */
    static final int KEPT_PER_KIND = 48;

    /** What {@link #open} returns when the scope lends nothing. */
    public static final int NOT_LENDING = -1;

    private static final boolean POISON = Boolean.getBoolean("basalt.batchArena.poison");

    private static final ThreadLocal<BatchArena> ARENA = ThreadLocal.withInitial(BatchArena::new);

    private final ArrayList<Object> lent = new ArrayList<>();
    private final ArrayDeque<long[]> freeLongs = new ArrayDeque<>();
    private final ArrayDeque<boolean[]> freeFlags = new ArrayDeque<>();
    private final ArrayDeque<int[]> freeInts = new ArrayDeque<>();
    private final ArrayDeque<byte[]> freeBytes = new ArrayDeque<>();
    private BooleanSupplier writerKeepsBatches;
    private int lendingScopes;

    private BatchArena() {
    }

    /**
     * Runs {@code work} (a worker's morsels) with scopes lending while {@code writerKeepsBatches} is false; the
     * arrays kept for reuse are dropped when the outermost call ends, so idle threads hold none.
     */
    public static void lendingTo(BooleanSupplier writerKeepsBatches, Runnable work) {
        BatchArena arena = ARENA.get();
        BooleanSupplier previousWriter = arena.writerKeepsBatches;
        int previousScopes = arena.lendingScopes;
        arena.writerKeepsBatches = writerKeepsBatches;
        arena.lendingScopes = 0;
        try {
            work.run();
        } finally {
            arena.writerKeepsBatches = previousWriter;
            arena.lendingScopes = previousScopes;
            if (previousWriter == null) {
                arena.freeLongs.clear();
                arena.freeFlags.clear();
                arena.freeInts.clear();
                arena.freeBytes.clear();
                arena.lent.clear();
            }
        }
    }

    /** Opens a scope for the vectors of one batch; pass the result to {@link #close}. */
    public static int open() {
        BatchArena arena = ARENA.get();
        if (arena.writerKeepsBatches == null || arena.writerKeepsBatches.getAsBoolean()) {
            return NOT_LENDING;
        }
        arena.lendingScopes++;
        return arena.lent.size();
    }

    /** Closes a scope from {@link #open}: the arrays lent since are free again. */
    public static void close(int scope) {
        if (scope == NOT_LENDING) {
            return;
        }
        BatchArena arena = ARENA.get();
        arena.lendingScopes--;
        ArrayList<Object> lent = arena.lent;
        for (int i = lent.size() - 1; i >= scope; i--) {
            arena.giveBack(lent.remove(i));
        }
    }

    /** Where the arrays of a new batch vector come from on this thread now: lent ones while a scope lends. */
    public static VectorBuffers buffers() {
        BatchArena arena = ARENA.get();
        return arena.lendingScopes == 0 ? VectorBuffers.NEW : arena;
    }

    /** A LONG vector for {@code count} rows, lent when a scope lends. */
    public static LongVector longVector(int count) {
        VectorBuffers buffers = buffers();
        return LongVector.wrapping(buffers.longs(count), buffers.clearFlags(count));
    }

    /** An INT128 vector for {@code count} rows, lent when a scope lends. */
    public static Int128Vector int128Vector(int count) {
        VectorBuffers buffers = buffers();
        return Int128Vector.wrapping(buffers.longs(count), buffers.longs(count), buffers.clearFlags(count));
    }

    @Override
    public long[] longs(int count) {
        return count > ROWS ? NEW.longs(count) : lend(freeLongs, long[]::new);
    }

    @Override
    public int[] ints(int count) {
        return count > ROWS ? NEW.ints(count) : lend(freeInts, int[]::new);
    }

    @Override
    public byte[] bytes(int count) {
        return count > ROWS ? NEW.bytes(count) : lend(freeBytes, byte[]::new);
    }

    @Override
    public boolean[] clearFlags(int count) {
        if (count > ROWS) {
            return NEW.clearFlags(count);
        }
        boolean[] flags = lend(freeFlags, boolean[]::new);
        Arrays.fill(flags, 0, count, false); // a recycled mask may hold the last user's nulls
        return flags;
    }

    /** A recycled block-sized array of {@code free}'s kind, or a new one, recorded as lent to the open scope. */
    private <T> T lend(ArrayDeque<T> free, IntFunction<T> allocate) {
        T array = free.pollLast();
        if (array == null) {
            array = allocate.apply(ROWS);
        }
        lent.add(array);
        return array;
    }

    private void giveBack(Object array) {
        if (array instanceof long[] longs) {
            if (POISON) {
                Arrays.fill(longs, 0x5A5A_5A5A_5A5A_5A5AL);
            }
            keep(freeLongs, longs);
        } else if (array instanceof int[] ints) {
            if (POISON) {
                Arrays.fill(ints, -0x5A5A_5A5B);
            }
            keep(freeInts, ints);
        } else if (array instanceof byte[] bytes) {
            if (POISON) {
                Arrays.fill(bytes, (byte) 0x5A);
            }
            keep(freeBytes, bytes);
        } else if (array instanceof boolean[] flags) {
            if (POISON) {
                Arrays.fill(flags, true);
            }
            keep(freeFlags, flags);
        }
    }

    private static <T> void keep(ArrayDeque<T> free, T array) {
        if (free.size() < KEPT_PER_KIND) {
            free.addLast(array);
        }
    }
}
