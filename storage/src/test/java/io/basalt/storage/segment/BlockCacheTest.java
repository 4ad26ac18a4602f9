package io.basalt.storage.segment;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.compress.Compression;
import io.basalt.storage.encoding.DecodedBlock;
import io.basalt.storage.encoding.EncodedLongs;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.encoding.RunLengthLongs;
import io.basalt.storage.encoding.TestVectors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockCacheTest {

    @TempDir
    Path dir;

    @Test
    void aFullCacheEvictsTheLeastRecentlyUsedForABlockAskedForMoreOften() {
        Path file = dir.resolve("a.seg");
        BlockCache cache = new BlockCache(3 * (100 + 96));
        request(cache, file, 0);
        request(cache, file, 100);
        request(cache, file, 200);
        request(cache, file, 0); // a hit: block 0 is now the most recently used, block 100 the least

        request(cache, file, 300); // asked for once, like the blocks it would evict: not kept
        assertThat(cache.rejections()).isEqualTo(1);
        assertThat(cache.blockCount()).isEqualTo(3);

        request(cache, file, 300); // twice now, more than block 100: kept, and block 100 leaves
        assertThat(cache.get(file, 100)).isNull();
        assertThat(cache.get(file, 0)).isNotNull();
        assertThat(cache.get(file, 200)).isNotNull();
        assertThat(cache.get(file, 300)).isNotNull();
        assertThat(cache.blockCount()).isEqualTo(3);
        assertThat(cache.heldBytes()).isLessThanOrEqualTo(cache.capacityBytes());
    }

    @Test
    void aScanLargerThanTheCacheKeepsWhatItHasInsteadOfChurning() {
        Path file = dir.resolve("big.seg");
        BlockCache cache = new BlockCache(10 * (100 + 96));
        for (int pass = 0; pass < 3; pass++) {
            for (int block = 0; block < 30; block++) {
                request(cache, file, block * 100L);
            }
        }
        // The first ten blocks stayed: the later passes found them, while the others were never kept.
        for (int block = 0; block < 10; block++) {
            assertThat(cache.get(file, block * 100L)).isNotNull();
        }
        assertThat(cache.hits()).isGreaterThanOrEqualTo(20);
    }

    /** What a segment reader does: a miss reads the block and offers it to the cache. */
    private static void request(BlockCache cache, Path file, long offset) {
        if (cache.get(file, offset) == null) {
            cache.put(file, offset, new byte[100]);
        }
    }

    @Test
    void aBlockLargerThanTheBudgetIsNotKept() {
        BlockCache cache = new BlockCache(1000);
        cache.put(dir.resolve("a.seg"), 0, new byte[2000]);
        assertThat(cache.blockCount()).isZero();
        assertThat(cache.heldBytes()).isZero();
    }

    @Test
    void invalidatingAFileDropsOnlyItsBlocks() {
        Path first = dir.resolve("1.seg");
        Path second = dir.resolve("2.seg");
        BlockCache cache = new BlockCache(1 << 20);
        cache.put(first, 0, new byte[10]);
        cache.put(first, 10, new byte[10]);
        cache.put(second, 0, new byte[10]);

        cache.invalidate(first);

        assertThat(cache.get(first, 0)).isNull();
        assertThat(cache.get(first, 10)).isNull();
        assertThat(cache.get(second, 0)).isNotNull();
        assertThat(cache.heldBytes()).isEqualTo(10 + 96);
    }

    @Test
    void aLargeQueryMemoryLimitShrinksTheBudgetAndEvicts() {
        long heap = Runtime.getRuntime().maxMemory();
        BlockCache cache = new BlockCache(heap / 4);
        cache.put(dir.resolve("a.seg"), 0, new byte[1000]);

        cache.fitBeside(heap / 2); // the default limit leaves room for a quarter: nothing changes
        assertThat(cache.capacityBytes()).isEqualTo(heap / 4);

        cache.fitBeside(heap - 1000);
        assertThat(cache.capacityBytes()).isEqualTo(500);
        assertThat(cache.blockCount()).isZero();

        cache.fitBeside(heap / 2); // never grows back
        assertThat(cache.capacityBytes()).isEqualTo(500);
    }

    @Test
    void theDisabledCacheKeepsNothing() {
        BlockCache.DISABLED.put(dir.resolve("a.seg"), 0, new byte[1]);
        assertThat(BlockCache.DISABLED.get(dir.resolve("a.seg"), 0)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aReaderServesCachedBlocksWithoutReadingTheFileAgain(Compression compression) throws IOException {
        long[] values = new Random(3).longs(200_000, 0, 1_000_000).toArray();
        Path file = dir.resolve("cached-" + compression + ".seg");
        SegmentTestData.write(file, List.of(new ColumnSpec("x", LogicalType.BIGINT, compression)),
                List.of(TestVectors.longs(values)));
        BlockCache cache = new BlockCache(1 << 24);
        try (SegmentReader reader = SegmentReader.open(file, cache)) {
            assertThat(column(reader)).isEqualTo(values);
        }
        assertThat(cache.blockCount()).isGreaterThan(1);
        long misses = cache.misses();

        // A damaged file is not read again while its blocks are cached: segment files never change while open.
        BlockInfo second;
        try (SegmentReader reader = SegmentReader.open(file)) {
            second = reader.footer().blocks(0).get(1);
        }
        SegmentTestData.flip(file, second.fileOffset() + second.storedLength() / 2);
        try (SegmentReader reader = SegmentReader.open(file, cache)) {
            assertThat(column(reader)).isEqualTo(values);
        }
        assertThat(cache.misses()).isEqualTo(misses);
        assertThat(cache.hits()).isGreaterThan(0);

        // Without the cache the damage is found.
        try (SegmentReader reader = SegmentReader.open(file)) {
            assertThatThrownBy(() -> reader.readBlock(0, 1)).isInstanceOf(CorruptDataException.class);
        }
    }

    /**
     * A run-length block's runs, decoded from a cached body, are kept with it: the next reader gets the same
     * read-only runs without decoding, they count against the budget, and they leave with the block.
     */
    @Test
    void aRunLengthBlocksRunsAreKeptWithItsBody() throws IOException {
        // Ascending keys far apart, repeated one to seven times (lineitem's order keys, more sparse).
        Random random = new Random(9);
        long[] values = new long[150_000];
        long key = 1;
        for (int i = 0; i < values.length; key += 1 + random.nextInt(1_000_000)) {
            for (int repeat = 1 + random.nextInt(7); repeat > 0 && i < values.length; repeat--) {
                values[i++] = key;
            }
        }
        Path file = dir.resolve("runs.seg");
        SegmentTestData.write(file, List.of(new ColumnSpec("k", LogicalType.BIGINT, Compression.NONE)),
                List.of(TestVectors.longs(values)));
        BlockCache cache = new BlockCache(1 << 24);
        try (SegmentReader reader = SegmentReader.open(file, cache)) {
            assertThat(reader.footer().blocks(0)).allMatch(block -> block.encoding() == EncodingKind.RUN_LENGTH);
            EncodedLongs first = reader.readDecodedBlock(0, 0).encodedLongs();
            long bodiesAndRuns = cache.heldBytes();
            assertThat(first).isInstanceOf(RunLengthLongs.class);
            assertThat(bodiesAndRuns).isGreaterThan(((RunLengthLongs) first).heapBytes());

            DecodedBlock again = reader.readDecodedBlock(0, 0);
            assertThat(again.encodedLongs()).isSameAs(first);
            assertThat(cache.heldBytes()).isEqualTo(bodiesAndRuns);
            long[] unpacked = new long[first.count()];
            again.encodedLongs().unpack(0, unpacked.length, unpacked);
            assertThat(unpacked).isEqualTo(java.util.Arrays.copyOf(values, unpacked.length));
            assertThat(column(reader)).isEqualTo(values);
        }

        cache.invalidate(file);
        assertThat(cache.heldBytes()).isZero();
        assertThat(cache.runs(file, 0)).isNull();
        // Without a cached body there is nothing to keep runs with.
        try (SegmentReader reader = SegmentReader.open(file, BlockCache.DISABLED)) {
            assertThat(reader.readDecodedBlock(0, 0).encodedLongs()).isNotSameAs(reader.readDecodedBlock(0, 0).encodedLongs());
        }
    }

    @Test
    void aReaderTakesTheFooterFromTheCacheAfterTheFirstOpen() throws IOException {
        Path file = dir.resolve("footer.seg");
        SegmentTestData.write(file, List.of(new ColumnSpec("x", LogicalType.BIGINT, Compression.NONE)),
                List.of(TestVectors.longs(new Random(5).longs(150_000).toArray())));
        BlockCache cache = new BlockCache(1 << 24);
        SegmentFooter first;
        try (SegmentReader reader = SegmentReader.open(file, cache)) {
            first = reader.footer();
        }
        assertThat(cache.footerCount()).isEqualTo(1);
        try (SegmentReader reader = SegmentReader.open(file, cache)) {
            assertThat(reader.footer()).isSameAs(first); // not read, verified and decoded again
        }

        cache.invalidate(file);
        assertThat(cache.footerCount()).isZero();
        try (SegmentReader reader = SegmentReader.open(file, cache)) {
            assertThat(reader.footer()).isNotSameAs(first);
            assertThat(reader.footer().rowCount()).isEqualTo(150_000);
        }

        // A cache too small for the footer's share keeps none, and the disabled one none either.
        BlockCache small = new BlockCache(1000);
        try (SegmentReader reader = SegmentReader.open(file, small)) {
            assertThat(reader.footer().rowCount()).isEqualTo(150_000);
        }
        assertThat(small.footerCount()).isZero();
        try (SegmentReader reader = SegmentReader.open(file, BlockCache.DISABLED)) {
            assertThat(reader.footer().rowCount()).isEqualTo(150_000);
        }
        assertThat(BlockCache.DISABLED.footerCount()).isZero();
    }

    @Test
    void footersPastTheirShareOfTheBudgetLeaveLeastRecentlyUsedFirst() throws IOException {
        Path[] files = new Path[3];
        for (int f = 0; f < files.length; f++) {
            files[f] = dir.resolve("share-" + f + ".seg");
            SegmentTestData.write(files[f], List.of(new ColumnSpec("x", LogicalType.BIGINT, Compression.NONE)),
                    List.of(TestVectors.longs(new Random(f).longs(1_000).toArray())));
        }
        // The footers are alike in size; the share (a sixty-fourth) holds two of them, not three.
        long footerBytes = 4L * storedFooterLength(files[0]) + 96;
        BlockCache cache = new BlockCache(64 * (2 * footerBytes + footerBytes / 2));
        SegmentFooter first = footer(files[0], cache);
        footer(files[1], cache);
        assertThat(footer(files[0], cache)).isSameAs(first); // now the most recently used
        footer(files[2], cache);                              // evicts files[1]'s
        assertThat(cache.footerCount()).isEqualTo(2);
        assertThat(cache.footer(files[0])).isSameAs(first);
        assertThat(cache.footer(files[1])).isNull();
        assertThat(cache.footer(files[2])).isNotNull();

        cache.fitBeside(Runtime.getRuntime().maxMemory() - cache.capacityBytes()); // the budget halves: one fits
        assertThat(cache.footerCount()).isEqualTo(1);
    }

    private static SegmentFooter footer(Path file, BlockCache cache) {
        try (SegmentReader reader = SegmentReader.open(file, cache)) {
            return reader.footer();
        }
    }

    /** The footer's length as the file's tail records it (its first four bytes, little-endian). */
    private static int storedFooterLength(Path file) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        return java.nio.ByteBuffer.wrap(bytes, bytes.length - SegmentFormat.TAIL_BYTES, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Test
    void aBlockThatFailsItsChecksumIsNotCached() throws IOException {
        long[] values = new Random(4).longs(100_000).toArray();
        Path file = dir.resolve("damaged.seg");
        SegmentTestData.write(file, List.of(new ColumnSpec("x", LogicalType.BIGINT, Compression.NONE)),
                List.of(TestVectors.longs(values)));
        BlockInfo first;
        try (SegmentReader reader = SegmentReader.open(file)) {
            first = reader.footer().blocks(0).get(0);
        }
        SegmentTestData.flip(file, first.fileOffset() + first.storedLength() / 2);
        BlockCache cache = new BlockCache(1 << 24);
        try (SegmentReader reader = SegmentReader.open(file, cache)) {
            assertThatThrownBy(() -> reader.readBlock(0, 0)).isInstanceOf(CorruptDataException.class);
            assertThatThrownBy(() -> reader.readBlock(0, 0)).isInstanceOf(CorruptDataException.class);
        }
        assertThat(cache.blockCount()).isZero();
    }

    private static long[] column(SegmentReader reader) {
        LongVector vector = (LongVector) reader.readColumn(0);
        long[] values = new long[vector.positionCount()];
        System.arraycopy(vector.values(), 0, values, 0, values.length);
        return values;
    }
}
