package io.basalt.storage.segment;

import io.basalt.storage.encoding.RunLengthLongs;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verified, decompressed bodies of a database's segment blocks, kept between queries up to a byte budget and
 * evicted least recently used first. A hot query then neither reads nor checks nor decompresses a block again:
 * before it, every scan re-read its columns' blocks with positional reads, computed their CRC32C and, for
 * compressed ones, decompressed them, a quarter of the CPU time of the 22 TPC-H queries at SF 1.
 *
 * <p>A full cache admits a block only if it was asked for more often, lately, than the block it would evict (the
 * least recently used): a frequency sketch counts every request, halved now and then so that old popularity fades
 * (TinyLFU's admission, in front of LRU eviction). Without it, a query scanning more than the budget (TPC-H at SF 10
 * with a 2.75 GB cache) evicted every block before it was asked for again, and the garbage collector copied each
 * new block into the old generation only to drop it there: Q3 and Q4 ran 1.6 and 2.4 times as long.
 *
 * <p>A block is named by its file and its offset there. That is safe only because a segment file never changes
 * once written and a database never reuses a segment id (so a path) while it is open; the cache belongs to one open
 * database ({@code StorageEngine}) and dies with it. Bodies are shared by every reader and must never be written:
 * decoders copy out of them or keep read-only views ({@code PackedLongs}).
 *
 * <p>A run-length LONG block's decoded runs ({@link RunLengthLongs}: read-only once built) are kept with its body
 * ({@link #keepRuns}, {@link #runs}) and counted against the budget: decoding a block's runs again for every scan
 * (lineitem's {@code l_orderkey}: 16,000 runs a block, 190 kB of values and ends) was 9 % of the bytes the 22 TPC-H
 * queries allocated and 2–3 % of their CPU.
 *
 * <p>The verified footers of segment files are kept here too, least recently used out first, in up to a
 * {@link #FOOTER_SHARE}th of the budget besides the blocks', so that a hot scan does not decode a footer (every
 * block's zone map) for each query: 3 % of TPC-H Q11's worker CPU before.
 *
 * <p>The budget is separate from queries' memory limits: it is heap the database holds for itself, like the
 * catalog, and the memory a query may use comes on top of it. So that both fit the heap, the budget shrinks
 * ({@link #fitBeside}) to half of what a query's memory limit leaves of the heap when a query runs with a limit
 * above the default half of the heap.
 */
public final class BlockCache {

    /** Caches nothing (contexts without a database, tools that read a file once). */
    public static final BlockCache DISABLED = new BlockCache(0);

    /** Bytes counted per entry beyond its array's length: the entry, its key and the array's header. */
    private static final long ENTRY_OVERHEAD = 96;

    /** Counters of the frequency sketch: a power of two, 16 bits each, 128 KB. */
    private static final int SKETCH_COUNTERS = 1 << 16;

    /** Requests counted between two halvings of the sketch. */
    private static final int SKETCH_PERIOD = 8 * SKETCH_COUNTERS;

    /** The footers' room, besides the blocks': a sixty-fourth of the budget. */
    private static final int FOOTER_SHARE = 64;

    /**
     * Heap bytes counted per byte of a footer as stored: its decoded objects (zone maps, block descriptions) take
     * a few times the bytes they were read from.
     */
    private static final int FOOTER_EXPANSION = 4;

    private volatile long capacityBytes;
    private final LinkedHashMap<Path, CachedFooter> footers = new LinkedHashMap<>(64, 0.75f, true); // guarded by this
    private long footerBytes;
    private final LinkedHashMap<BlockKey, CachedBlock> bodies = new LinkedHashMap<>(256, 0.75f, true); // guarded by this
    private final short[] frequencies = new short[SKETCH_COUNTERS]; // guarded by this
    private int requestsSinceHalving; // guarded by this
    private long heldBytes;
    private long rejections;
    private long hits;
    private long misses;

    public BlockCache(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    /** A cache of a quarter of the heap the JVM may grow to. */
    public static BlockCache quarterOfHeap() {
        return new BlockCache(Runtime.getRuntime().maxMemory() / 4);
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    /**
     * Shrinks the budget (never grows it) to at most half of what a query with memory limit {@code queryMemoryLimit}
     * leaves of the heap, evicting what no longer fits.
     */
    public void fitBeside(long queryMemoryLimit) {
        long fitting = Math.max(0, (Runtime.getRuntime().maxMemory() - queryMemoryLimit) / 2);
        if (fitting >= capacityBytes) {
            return;
        }
        synchronized (this) {
            if (fitting < capacityBytes) {
                capacityBytes = fitting;
                evictPastCapacity();
                evictFootersPastShare();
            }
        }
    }

    /** The body of the block at {@code offset} in {@code file}, or null when it is not cached. */
    public byte[] get(Path file, long offset) {
        if (capacityBytes == 0) {
            return null;
        }
        synchronized (this) {
            BlockKey key = new BlockKey(file, offset);
            count(key);
            CachedBlock cached = bodies.get(key);
            if (cached == null) {
                misses++;
                return null;
            }
            hits++;
            return cached.body;
        }
    }

    /**
     * The decoded runs kept with the run-length block at {@code offset} in {@code file} ({@link #keepRuns}), or null
     * (the block or its runs are not cached). A request like {@link #get}'s: a hit returns what a scan needs of the
     * block.
     */
    public RunLengthLongs runs(Path file, long offset) {
        if (capacityBytes == 0) {
            return null;
        }
        synchronized (this) {
            BlockKey key = new BlockKey(file, offset);
            CachedBlock cached = bodies.get(key);
            if (cached == null || cached.runs == null) {
                return null; // get() counts the request that follows
            }
            count(key);
            hits++;
            return cached.runs;
        }
    }

    /**
     * Keeps {@code runs}, decoded from the cached body of the block at {@code offset} in {@code file}, with that body
     * (nobody may change them from now on) when the budget has room for them; nothing is evicted for them. Nothing is
     * kept either when the body is not cached (it was not admitted, or was evicted meanwhile) or already has runs.
     */
    public void keepRuns(Path file, long offset, RunLengthLongs runs) {
        long bytes = runs.heapBytes();
        synchronized (this) {
            CachedBlock cached = bodies.get(new BlockKey(file, offset));
            if (cached == null || cached.runs != null || heldBytes + bytes > capacityBytes) {
                return;
            }
            cached.runs = runs;
            heldBytes += bytes;
        }
    }

    /**
     * Keeps a block's body (which nobody may write from now on) when it fits, or when it was asked for more often than
     * the least recently used blocks it would evict.
     */
    public void put(Path file, long offset, byte[] body) {
        long bytes = body.length + ENTRY_OVERHEAD;
        if (bytes > capacityBytes) {
            return;
        }
        synchronized (this) {
            BlockKey key = new BlockKey(file, offset);
            if (bodies.containsKey(key)) {
                return; // another reader of the same block was first
            }
            if (heldBytes + bytes > capacityBytes && !morePopularThanVictims(key, heldBytes + bytes - capacityBytes)) {
                rejections++;
                return;
            }
            bodies.put(key, new CachedBlock(body));
            heldBytes += bytes;
            evictPastCapacity();
        }
    }

    /** Whether {@code key} was asked for more often than each of the least recently used blocks holding {@code bytes}. */
    private boolean morePopularThanVictims(BlockKey key, long bytes) {
        int candidate = frequency(key);
        long freed = 0;
        for (Map.Entry<BlockKey, CachedBlock> victim : bodies.entrySet()) {
            if (freed >= bytes) {
                return true;
            }
            if (frequency(victim.getKey()) >= candidate) {
                return false;
            }
            freed += victim.getValue().bytes();
        }
        return freed >= bytes;
    }

    private void count(BlockKey key) {
        int slot = slot(key);
        if (frequencies[slot] < Short.MAX_VALUE) {
            frequencies[slot]++;
        }
        if (++requestsSinceHalving >= SKETCH_PERIOD) {
            requestsSinceHalving = 0;
            for (int i = 0; i < frequencies.length; i++) {
                frequencies[i] >>= 1;
            }
        }
    }

    private int frequency(BlockKey key) {
        return frequencies[slot(key)];
    }

    private static int slot(BlockKey key) {
        int hash = key.hashCode() * 0x9E3779B9;
        return (hash ^ (hash >>> 16)) & (SKETCH_COUNTERS - 1);
    }

    /** Drops the least recently used blocks until the held bytes fit the budget; call holding the lock. */
    private void evictPastCapacity() {
        Iterator<Map.Entry<BlockKey, CachedBlock>> eldest = bodies.entrySet().iterator();
        while (heldBytes > capacityBytes && eldest.hasNext()) {
            heldBytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }

    /** The verified footer of {@code file}, or null when it is not cached. */
    public SegmentFooter footer(Path file) {
        if (capacityBytes == 0) {
            return null;
        }
        synchronized (this) {
            CachedFooter cached = footers.get(file);
            return cached == null ? null : cached.footer();
        }
    }

    /** Keeps the verified footer of {@code file}, read from {@code storedLength} bytes, dropping the least recently used. */
    public void putFooter(Path file, SegmentFooter footer, int storedLength) {
        long bytes = (long) storedLength * FOOTER_EXPANSION + ENTRY_OVERHEAD;
        long budget = capacityBytes / FOOTER_SHARE;
        if (bytes > budget) {
            return;
        }
        synchronized (this) {
            CachedFooter previous = footers.put(file, new CachedFooter(footer, bytes));
            footerBytes += bytes - (previous == null ? 0 : previous.bytes());
            evictFootersPastShare();
        }
    }

    /** Drops the least recently used footers until they fit their share of the budget; call holding the lock. */
    private void evictFootersPastShare() {
        Iterator<CachedFooter> eldest = footers.values().iterator();
        while (footerBytes > capacityBytes / FOOTER_SHARE && eldest.hasNext()) {
            footerBytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    /** Drops every block and the footer of {@code file} (a segment file about to be deleted). */
    public synchronized void invalidate(Path file) {
        CachedFooter footer = footers.remove(file);
        if (footer != null) {
            footerBytes -= footer.bytes();
        }
        Iterator<Map.Entry<BlockKey, CachedBlock>> entries = bodies.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<BlockKey, CachedBlock> entry = entries.next();
            if (entry.getKey().file().equals(file)) {
                heldBytes -= entry.getValue().bytes();
                entries.remove();
            }
        }
    }

    /** Drops everything (the database is closing). */
    public synchronized void clear() {
        bodies.clear();
        heldBytes = 0;
        footers.clear();
        footerBytes = 0;
    }

    public synchronized long heldBytes() {
        return heldBytes;
    }

    public synchronized int blockCount() {
        return bodies.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    /** Blocks not kept because the cache was full of blocks asked for as often. */
    public synchronized long rejections() {
        return rejections;
    }

    /** Footers kept, for tests. */
    public synchronized int footerCount() {
        return footers.size();
    }

    private record BlockKey(Path file, long offset) {
    }

    /** A block's body and, once a reader decoded them, its runs ({@link #keepRuns}); guarded by the cache. */
    private static final class CachedBlock {

        final byte[] body;
        RunLengthLongs runs;

        CachedBlock(byte[] body) {
            this.body = body;
        }

        /** The bytes counted for the entry. */
        long bytes() {
            return body.length + ENTRY_OVERHEAD + (runs == null ? 0 : runs.heapBytes());
        }
    }

    private record CachedFooter(SegmentFooter footer, long bytes) {
    }
}
