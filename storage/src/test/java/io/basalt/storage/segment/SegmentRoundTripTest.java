package io.basalt.storage.segment;

import io.basalt.storage.compress.Compression;
import io.basalt.storage.encoding.BlockLimits;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.encoding.TestData;
import io.basalt.storage.encoding.TestVectors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentRoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> typesNullsRowsCompressions() {
        List<Arguments> cases = new ArrayList<>();
        for (LogicalType type : SegmentTestData.ALL_TYPES) {
            for (String nulls : List.of("none", "some", "all")) {
                for (int rows : new int[] {0, 1, 2_500}) {
                    for (Compression compression : Compression.values()) {
                        if (rows == 0 && !nulls.equals("none")) {
                            continue;
                        }
                        cases.add(Arguments.of(type, nulls, rows, compression));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, nulls {1}, {2} rows, {3}")
    @MethodSource("typesNullsRowsCompressions")
    void everyLogicalTypeRoundTrips(LogicalType type, String nulls, int rows, Compression compression) {
        ColumnVector values = SegmentTestData.values(type, rows, nulls, new Random(rows + type.hashCode()));
        Path file = dir.resolve("t.seg");
        List<ColumnSpec> specs = List.of(new ColumnSpec("c", type, compression));

        SegmentMetadata metadata = SegmentTestData.write(file, specs, List.of(values), 1, 999, 1000);

        assertThat(metadata.rowCount()).isEqualTo(rows);
        assertThat(metadata.fileSize()).isEqualTo(sizeOf(file));
        try (SegmentReader reader = SegmentReader.open(file)) {
            SegmentFooter footer = reader.footer();
            assertThat(footer.columns()).isEqualTo(specs);
            assertThat(footer.rowCount()).isEqualTo(rows);
            assertThat(footer.columnStats()).isEqualTo(metadata.columnStats());
            TestVectors.assertSameValues(reader.readColumn(0), values);
            ZoneMap zoneMap = footer.columnStats(0).zoneMap();
            assertThat(zoneMap.rowCount()).isEqualTo(rows);
            assertThat(zoneMap.nullCount()).isEqualTo(values.nullCount());
            for (BlockInfo block : footer.blocks(0)) {
                assertThat(block.compression()).isIn(compression, Compression.NONE);
            }
        }
    }

    @Test
    void allTypesTogetherInManyBlocksWithZoneMapsPerBlock() {
        int rows = 200_000;
        Random random = new Random(11);
        List<ColumnSpec> specs = new ArrayList<>();
        List<ColumnVector> columns = new ArrayList<>();
        for (LogicalType type : SegmentTestData.ALL_TYPES) {
            specs.add(new ColumnSpec("col_" + specs.size(), type, Compression.LZ4));
            columns.add(SegmentTestData.values(type, rows, "some", random));
        }
        Path file = dir.resolve("wide.seg");

        SegmentMetadata metadata = SegmentTestData.write(file, specs, columns, 4096, 1, 70_000, 333);

        assertThat(metadata.rowCount()).isEqualTo(rows);
        try (SegmentReader reader = SegmentReader.open(file)) {
            for (int c = 0; c < specs.size(); c++) {
                List<BlockInfo> blocks = reader.footer().blocks(c);
                if (specs.get(c).type().physicalKind() != PhysicalKind.BYTES) {
                    assertThat(blocks).as("blocks of %s", specs.get(c).type()).hasSize(4);
                }
                int expectedOffset = 0;
                for (int b = 0; b < blocks.size(); b++) {
                    BlockInfo block = blocks.get(b);
                    assertThat(block.rowOffset()).isEqualTo(expectedOffset);
                    assertThat(block.rowCount()).isLessThanOrEqualTo(BlockLimits.MAX_ROWS);
                    ColumnVector expected = TestVectors.slice(columns.get(c), block.rowOffset(), block.rowCount());
                    TestVectors.assertSameValues(reader.readBlock(c, b), expected);
                    assertThat(block.zoneMap()).as("zone map of %s block %d", specs.get(c).type(), b)
                            .isEqualTo(ZoneMapBuilder.of(expected, expected.positionCount()));
                    expectedOffset += block.rowCount();
                }
                assertThat(expectedOffset).isEqualTo(rows);
                TestVectors.assertSameValues(reader.readColumn(c), columns.get(c));
            }
        }
    }

    @Test
    void blockZoneMapsBoundTheirRows() {
        long[] values = new long[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 10L - 5;
        }
        Path file = dir.resolve("z.seg");
        SegmentTestData.write(file, List.of(new ColumnSpec("k", LogicalType.BIGINT, Compression.ZSTD)),
                List.of(TestVectors.longs(values)), 50_000);

        try (SegmentReader reader = SegmentReader.open(file)) {
            List<BlockInfo> blocks = reader.footer().blocks(0);
            assertThat(blocks).extracting(BlockInfo::rowCount).containsExactly(65_536, 65_536, 65_536, 3_392);
            for (BlockInfo block : blocks) {
                LongZoneMap zoneMap = (LongZoneMap) block.zoneMap();
                assertThat(zoneMap.min()).isEqualTo(block.rowOffset() * 10L - 5);
                assertThat(zoneMap.max()).isEqualTo((block.rowOffset() + block.rowCount() - 1) * 10L - 5);
                assertThat(block.encoding()).isEqualTo(EncodingKind.DELTA);
            }
            LongZoneMap whole = (LongZoneMap) reader.footer().columnStats(0).zoneMap();
            assertThat(whole.min()).isEqualTo(-5);
            assertThat(whole.max()).isEqualTo(1_999_985);
            assertThat(whole.mayContain(2_000_000, 3_000_000)).isFalse();
            assertThat(((LongZoneMap) blocks.get(1).zoneMap()).mayContain(0, 100)).isFalse();
        }
    }

    @Test
    void dataDesignedForAnEncodingGetsIt() {
        int rows = 100_000;
        Random random = new Random(2);
        long[] timestamps = TestData.sortedTimestamps(random, rows);
        List<ColumnSpec> specs = List.of(
                new ColumnSpec("constant", LogicalType.INTEGER, Compression.LZ4),
                new ColumnSpec("ts", LogicalType.TIMESTAMP, Compression.LZ4),
                new ColumnSpec("mode", LogicalType.varchar(10), Compression.LZ4),
                new ColumnSpec("quantity", LogicalType.INTEGER, Compression.LZ4),
                new ColumnSpec("flag", LogicalType.BOOLEAN, Compression.NONE));
        List<ColumnVector> columns = List.of(
                TestVectors.longs(filled(rows, 7)),
                TestVectors.longs(timestamps),
                TestVectors.strings(TestData.pick(random, rows, new String[] {"AIR", "MAIL", "RAIL", "SHIP", "TRUCK", "FOB"})),
                TestVectors.longs(random.longs(rows, 1, 51).toArray()),
                TestVectors.booleans(runsOfBooleans(rows, 5000)));
        Path file = dir.resolve("e.seg");

        SegmentMetadata metadata = SegmentTestData.write(file, specs, columns, 10_000);

        EncodingKind[] expected = {EncodingKind.CONSTANT, EncodingKind.DELTA, EncodingKind.DICTIONARY,
                EncodingKind.BIT_PACKED, EncodingKind.RUN_LENGTH};
        try (SegmentReader reader = SegmentReader.open(file)) {
            for (int c = 0; c < expected.length; c++) {
                int blockCount = reader.footer().blocks(c).size();
                assertThat(reader.footer().blocks(c)).extracting(BlockInfo::encoding).as(specs.get(c).name())
                        .containsOnly(expected[c]);
                assertThat(metadata.columnStats(c).blocksUsing(expected[c])).isEqualTo(blockCount);
                TestVectors.assertSameValues(reader.readColumn(c), columns.get(c));
            }
            ColumnStats mode = reader.footer().columnStats(2);
            assertThat(mode.distinctCountEstimate()).isEqualTo(6);
            assertThat(mode.compressedBytes()).isLessThanOrEqualTo(mode.uncompressedBytes());
            assertThat(reader.footer().columnStats(1).distinctCountEstimate()).isBetween(90_000L, 110_000L);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void longStringsCutBlocksByBytesAndBoundTheZoneMap(Compression compression) {
        String megabyte = TestData.longString(1 << 20, 'm');
        String[] values = {megabyte + "1", "short", megabyte + "2", "\uFFFF".repeat(40), megabyte + "日本語"};
        Path file = dir.resolve("long.seg");

        SegmentTestData.write(file, List.of(new ColumnSpec("s", LogicalType.TEXT, compression)),
                List.of(TestVectors.strings(values)), 2);

        try (SegmentReader reader = SegmentReader.open(file)) {
            assertThat(reader.footer().blocks(0)).extracting(BlockInfo::rowCount).containsExactly(1, 2, 2);
            TestVectors.assertSameValues(reader.readColumn(0), TestVectors.strings(values));
            BytesZoneMap zoneMap = (BytesZoneMap) reader.footer().columnStats(0).zoneMap();
            assertThat(zoneMap.min()).hasSize(BytesZoneMap.MAX_BOUND_BYTES);
            assertThat(zoneMap.hasUpperBound()).isTrue();
            for (String value : values) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                assertThat(zoneMap.mayContain(bytes, bytes)).as(value.substring(0, Math.min(10, value.length()))).isTrue();
            }
        }
    }

    @Test
    void manySmallStringsAreCutAtTheByteTarget() {
        String[] values = new String[30_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = String.format("%0100d", i);
        }
        Path file = dir.resolve("strings.seg");

        SegmentTestData.write(file, List.of(new ColumnSpec("s", LogicalType.TEXT, Compression.LZ4)),
                List.of(TestVectors.strings(values)), 7_000);

        try (SegmentReader reader = SegmentReader.open(file)) {
            int perBlock = (BlockLimits.BYTES_TARGET + 99) / 100;
            assertThat(reader.footer().blocks(0)).extracting(BlockInfo::rowCount)
                    .containsExactly(perBlock, perBlock, values.length - 2 * perBlock);
            TestVectors.assertSameValues(reader.readColumn(0), TestVectors.strings(values));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"LZ4", "ZSTD"})
    void blocksThatDoNotCompressAreStoredRaw(Compression compression) {
        Random random = new Random(6);
        String[] repetitive = new String[5000];
        for (int i = 0; i < repetitive.length; i++) {
            repetitive[i] = "row " + i + " of a long and repetitive text column, the same words again and again";
        }
        Path file = dir.resolve("mixed.seg");
        List<ColumnVector> columns = List.of(TestVectors.longs(random.longs(5000).toArray()), TestVectors.strings(repetitive));

        SegmentMetadata metadata = SegmentTestData.write(file, List.of(new ColumnSpec("noise", LogicalType.BIGINT, compression),
                new ColumnSpec("text", LogicalType.TEXT, compression)), columns);

        try (SegmentReader reader = SegmentReader.open(file)) {
            BlockInfo noise = reader.footer().blocks(0).get(0);
            assertThat(noise.compression()).isEqualTo(Compression.NONE);
            assertThat(noise.storedLength()).isEqualTo(noise.uncompressedLength());
            BlockInfo text = reader.footer().blocks(1).get(0);
            assertThat(text.compression()).isEqualTo(compression);
            assertThat(text.storedLength()).isLessThan(text.uncompressedLength() / 3);
            assertThat(metadata.columnStats(1).compressedBytes()).isEqualTo(text.storedLength());
            for (int c = 0; c < 2; c++) {
                TestVectors.assertSameValues(reader.readColumn(c), columns.get(c));
            }
        }
    }

    @Test
    void emptySegmentHasNoBlocks() {
        Path file = dir.resolve("empty.seg");
        SegmentWriter writer = SegmentWriter.create(file, List.of(new ColumnSpec("a", LogicalType.BIGINT, Compression.LZ4),
                new ColumnSpec("b", LogicalType.TEXT, Compression.ZSTD)));
        writer.append(new ColumnBatch(0, List.of(ColumnVector.create(PhysicalKind.LONG, 0),
                ColumnVector.create(PhysicalKind.BYTES, 0))));
        SegmentMetadata metadata = writer.finish();

        assertThat(metadata.rowCount()).isZero();
        try (SegmentReader reader = SegmentReader.open(file)) {
            assertThat(reader.footer().blocks(0)).isEmpty();
            assertThat(reader.readColumn(1).positionCount()).isZero();
            assertThat(reader.footer().columnStats(0).zoneMap().hasValues()).isFalse();
            assertThat(reader.footer().columnStats(0).distinctCountEstimate()).isZero();
        }
    }

    @Test
    void readersShareOneFileAcrossThreads() throws Exception {
        int rows = 300_000;
        ColumnVector values = TestVectors.longs(new Random(4).longs(rows, 0, 1_000_000).toArray());
        Path file = dir.resolve("shared.seg");
        SegmentTestData.write(file, List.of(new ColumnSpec("v", LogicalType.BIGINT, Compression.LZ4)), List.of(values));

        try (SegmentReader reader = SegmentReader.open(file)) {
            int blocks = reader.footer().blocks(0).size();
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                int seed = t;
                Thread thread = new Thread(() -> {
                    try {
                        Random random = new Random(seed);
                        for (int i = 0; i < 20; i++) {
                            int b = random.nextInt(blocks);
                            BlockInfo info = reader.footer().blocks(0).get(b);
                            TestVectors.assertSameValues(reader.readBlock(0, b),
                                    TestVectors.slice(values, info.rowOffset(), info.rowCount()));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void anInterruptedReadDoesNotBreakTheSharedReader() {
        ColumnVector values = TestVectors.longs(new Random(5).longs(100_000).toArray());
        Path file = dir.resolve("interrupt.seg");
        SegmentTestData.write(file, List.of(new ColumnSpec("v", LogicalType.BIGINT, Compression.NONE)), List.of(values));

        try (SegmentReader reader = SegmentReader.open(file)) {
            Thread.currentThread().interrupt();
            try {
                // An interrupted thread's read closes the FileChannel: this thread's read fails...
                assertThatThrownBy(() -> reader.readBlock(0, 0)).hasMessageContaining("interrupted");
            } finally {
                Thread.interrupted();
            }
            // ...but the reader reopens it, so the next read (from any thread) works.
            TestVectors.assertSameValues(reader.readColumn(0), values);
        }
    }

    private static long[] filled(int n, long value) {
        long[] values = new long[n];
        Arrays.fill(values, value);
        return values;
    }

    private static Boolean[] runsOfBooleans(int n, int run) {
        Boolean[] values = new Boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i / run) % 2 == 0;
        }
        return values;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
