package io.basalt.storage.segment;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.StorageException;
import io.basalt.storage.compress.Compression;
import io.basalt.storage.encoding.TestVectors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Damaged files give a CorruptDataException that says where, and never wrong data. */
class SegmentCorruptionTest {

    @TempDir
    Path dir;

    private final Random random = new Random(8);

    @ParameterizedTest
    @EnumSource(Compression.class)
    void flippedByteInABlockNamesFileColumnAndBlock(Compression compression) throws IOException {
        Path file = writeTwoColumns(compression);
        BlockInfo target;
        try (SegmentReader reader = SegmentReader.open(file)) {
            target = reader.footer().blocks(1).get(2);
        }
        SegmentTestData.flip(file, target.fileOffset() + target.storedLength() / 2);

        try (SegmentReader reader = SegmentReader.open(file)) {
            assertThatThrownBy(() -> reader.readBlock(1, 2))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("column 'name'")
                    .hasMessageContaining("block 2")
                    .satisfies(e -> assertThat(((CorruptDataException) e).sqlState()).isEqualTo("XX001"))
                    .satisfies(e -> assertThat(((CorruptDataException) e).file()).isEqualTo(file));
            assertThatThrownBy(() -> reader.readColumn(1)).isInstanceOf(CorruptDataException.class);
            // Other blocks are untouched and still readable.
            assertThat(reader.readBlock(1, 1).positionCount()).isEqualTo(reader.footer().blocks(1).get(1).rowCount());
            assertThat(reader.readColumn(0).positionCount()).isEqualTo(reader.footer().rowCount());
        }
    }

    @Test
    void flippedByteInTheFooterFailsOpenNamingTheFile() throws IOException {
        Path file = writeTwoColumns(Compression.LZ4);
        long size = Files.size(file);
        int footerLength = footerLength(file);
        SegmentTestData.flip(file, size - 16 - footerLength + random.nextInt(footerLength));

        assertThatThrownBy(() -> SegmentReader.open(file))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("footer");
    }

    @Test
    void truncatedFilesFailOpenClearly() throws IOException {
        Path file = writeTwoColumns(Compression.ZSTD);
        byte[] original = Files.readAllBytes(file);
        for (int length : new int[] {0, 5, 31, original.length / 2, original.length - 17, original.length - 1}) {
            Files.write(file, Arrays.copyOf(original, length));
            assertThatThrownBy(() -> SegmentReader.open(file))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining(file.toString())
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("truncated", "too short", "magic"));
        }
    }

    @Test
    void everySingleByteFlipIsDetected() throws IOException {
        Path file = dir.resolve("small.seg");
        List<ColumnSpec> specs = List.of(new ColumnSpec("n", LogicalType.INTEGER, Compression.NONE),
                new ColumnSpec("s", LogicalType.TEXT, Compression.LZ4),
                new ColumnSpec("d", LogicalType.decimal(30, 2), Compression.ZSTD));
        List<ColumnVector> columns = List.of(TestVectors.longs(1L, null, 3L, 4L, 3L),
                TestVectors.strings("a", "bb", null, "日本", "a"),
                TestVectors.int128s(BigInteger.ONE, null, BigInteger.TEN.pow(29), null, BigInteger.TWO));
        SegmentTestData.write(file, specs, columns, 2);
        byte[] original = Files.readAllBytes(file);

        for (int at = 0; at < original.length; at++) {
            byte[] damaged = original.clone();
            damaged[at] ^= (byte) (1 << (at % 8));
            Files.write(file, damaged);
            int position = at;
            assertThatThrownBy(() -> readEverything(file, columns))
                    .as("flip at byte %d of %d", position, original.length)
                    .isInstanceOf(CorruptDataException.class);
        }
    }

    @Test
    void notASegmentFile() throws IOException {
        Path file = dir.resolve("text.seg");
        Files.writeString(file, "this is not a segment file, just some text that is long enough");

        assertThatThrownBy(() -> SegmentReader.open(file))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("magic");
    }

    @Test
    void missingFileIsAnIoErrorNotCorruption() {
        Path file = dir.resolve("missing.seg");

        assertThatThrownBy(() -> SegmentReader.open(file))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(CorruptDataException.class)
                .hasMessageContaining(file.toString());
    }

    private void readEverything(Path file, List<ColumnVector> expected) {
        try (SegmentReader reader = SegmentReader.open(file)) {
            for (int c = 0; c < expected.size(); c++) {
                TestVectors.assertSameValues(reader.readColumn(c), expected.get(c));
            }
        }
    }

    private Path writeTwoColumns(Compression compression) {
        int rows = 150_000;
        String[] names = {"ann", "bob", "carla", "dmitri", "eun-ji", "françois", "グエン"};
        String[] values = new String[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = names[random.nextInt(names.length)] + i;
        }
        Path file = dir.resolve("two-" + compression + ".seg");
        SegmentTestData.write(file,
                List.of(new ColumnSpec("id", LogicalType.BIGINT, compression), new ColumnSpec("name", LogicalType.TEXT, compression)),
                List.of(TestVectors.longs(random.longs(rows).toArray()), TestVectors.strings(values)));
        return file;
    }

    private static int footerLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, channel.size() - 16);
            return tail.getInt(0);
        }
    }
}
