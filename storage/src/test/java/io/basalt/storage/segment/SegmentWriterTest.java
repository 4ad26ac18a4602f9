package io.basalt.storage.segment;

import io.basalt.storage.compress.Compression;
import io.basalt.storage.encoding.TestVectors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentWriterTest {

    @TempDir
    Path dir;

    private final List<ColumnSpec> specs = List.of(new ColumnSpec("id", LogicalType.BIGINT, Compression.LZ4));

    @Test
    void abortDeletesThePartialFile() {
        Path file = dir.resolve("a.seg");
        SegmentWriter writer = SegmentWriter.create(file, specs);
        writer.append(batch(TestVectors.longs(new Random(1).longs(100_000).toArray())));
        assertThat(file).exists();

        writer.abort();
        writer.abort();

        assertThat(file).doesNotExist();
    }

    @Test
    void neverWritesOverAnExistingFile() throws Exception {
        Path file = dir.resolve("b.seg");
        Files.writeString(file, "precious");

        assertThatThrownBy(() -> SegmentWriter.create(file, specs)).hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void rejectsBatchesThatDoNotMatchTheSchema() {
        SegmentWriter writer = SegmentWriter.create(dir.resolve("c.seg"), specs);

        assertThatThrownBy(() -> writer.append(batch(TestVectors.doubles(1.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> writer.append(new ColumnBatch(1, List.of(TestVectors.longs(1L), TestVectors.longs(2L)))))
                .isInstanceOf(IllegalArgumentException.class);
        writer.abort();
    }

    @Test
    void rejectsDuplicateColumnNames() {
        assertThatThrownBy(() -> SegmentWriter.create(dir.resolve("d.seg"),
                List.of(new ColumnSpec("x", LogicalType.BIGINT, Compression.LZ4), new ColumnSpec("x", LogicalType.TEXT, Compression.LZ4))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("d.seg")).doesNotExist();
    }

    @Test
    void finishedWriterTakesNoMoreRows() {
        SegmentWriter writer = SegmentWriter.create(dir.resolve("e.seg"), specs);
        writer.append(batch(TestVectors.longs(1L, 2L)));
        SegmentMetadata metadata = writer.finish();

        assertThat(metadata.rowCount()).isEqualTo(2);
        assertThatThrownBy(() -> writer.append(batch(TestVectors.longs(3L)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void metadataDescribesWhatWasWritten() throws Exception {
        Path file = dir.resolve("f.seg");
        SegmentWriter writer = SegmentWriter.create(file, List.of(new ColumnSpec("v", LogicalType.INTEGER, Compression.ZSTD)));
        for (int b = 0; b < 30; b++) {
            long[] values = new long[5000];
            for (int i = 0; i < values.length; i++) {
                values[i] = (b * 5000L + i) % 1000;
            }
            writer.append(batch(TestVectors.withNullsEvery(TestVectors.longs(values), 10, 3)));
        }
        SegmentMetadata metadata = writer.finish();

        assertThat(metadata.rowCount()).isEqualTo(150_000);
        assertThat(metadata.fileSize()).isEqualTo(Files.size(file));
        ColumnStats stats = metadata.columnStats(0);
        assertThat(stats.zoneMap()).isEqualTo(new LongZoneMap(150_000, 15_000, 0, 999));
        assertThat(stats.blocksPerEncoding().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(stats.compressedBytes()).isPositive().isLessThan(stats.uncompressedBytes());
        assertThat(stats.distinctCountEstimate()).as("values ending in 3 are all null").isBetween(870L, 930L);
    }

    private static ColumnBatch batch(ColumnVector vector) {
        return new ColumnBatch(vector.positionCount(), List.of(vector));
    }

    @Test
    void emptyBatchesAreFine() {
        SegmentWriter writer = SegmentWriter.create(dir.resolve("g.seg"), specs);
        writer.append(batch(ColumnVector.create(PhysicalKind.LONG, 0)));
        writer.append(batch(TestVectors.longs(5L)));
        writer.append(batch(ColumnVector.create(PhysicalKind.LONG, 0)));

        assertThat(writer.finish().rowCount()).isEqualTo(1);
    }
}
