package io.basalt.execution.spill;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.CorruptDataException;
import io.basalt.storage.encoding.BlockLimits;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DictionaryView;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpillFileTest {

    private static final List<PhysicalKind> ALL_KINDS = List.of(PhysicalKind.BOOLEAN, PhysicalKind.LONG,
            PhysicalKind.DOUBLE, PhysicalKind.INT128, PhysicalKind.BYTES);

    @TempDir
    Path temporary;

    @Test
    void everyVectorKindRoundTripsWithNulls() {
        SpillSpace space = new SpillSpace(temporary);
        List<ColumnBatch> written = List.of(randomBatch(new Random(1), 1000, 0.2), randomBatch(new Random(2), 3, 0.0),
                randomBatch(new Random(3), 500, 1.0));
        SpillFile file = writeAll(space, written);
        assertThat(file.rowCount()).isEqualTo(1503);
        assertThat(file.bytes()).isEqualTo(sizeOf(file.path()));
        assertThat(space.bytesSpilled()).isEqualTo(file.bytes());
        assertThat(space.rowsSpilled()).isEqualTo(1503);
        assertSameRows(readAll(file), written);
        // a finished file can be read again
        assertSameRows(readAll(file), written);
    }

    @Test
    void emptyBatchesAreSkippedAndAnEmptyFileReadsAsNoRows() {
        SpillSpace space = new SpillSpace(temporary);
        ColumnBatch empty = randomBatch(new Random(4), 0, 0.5);
        SpillFile file = writeAll(space, List.of(empty, empty));
        assertThat(file.rowCount()).isZero();
        assertThat(readAll(file)).isEmpty();
    }

    @Test
    void batchesLargerThanABlockAreCutIntoFrames() {
        SpillSpace space = new SpillSpace(temporary);
        ColumnBatch large = randomBatch(new Random(5), BlockLimits.MAX_ROWS * 2 + 17, 0.1);
        SpillFile file = writeAll(space, List.of(large));
        List<ColumnBatch> read = readAll(file);
        assertThat(read).hasSize(3);
        assertThat(read.get(0).rowCount()).isEqualTo(BlockLimits.MAX_ROWS);
        assertSameRows(read, List.of(large));
    }

    @Test
    void dictionaryViewsRoundTripAsTheirRows() {
        BytesVector entries = new BytesVector(3, 32);
        entries.append("apple");
        entries.append("banana");
        entries.append("");
        int[] codes = {1, DictionaryView.NULL_CODE, 0, 2, 1, 1, DictionaryView.NULL_CODE, 0};
        BytesVector rows = new DictionaryView(entries, codes).rows();
        ColumnBatch batch = new ColumnBatch(codes.length, List.of(rows));
        SpillFile file = writeAll(new SpillSpace(temporary), List.of(batch), List.of(PhysicalKind.BYTES));
        List<ColumnBatch> read = readAll(file);
        assertSameRows(read, List.of(batch));
        BytesVector column = (BytesVector) read.get(0).column(0);
        assertThat(column.getString(0)).isEqualTo("banana");
        assertThat(column.isNull(1)).isTrue();
        assertThat(column.getString(3)).isEmpty();
    }

    @Test
    void longsInAnInt128ColumnAreWrittenAsInt128() {
        // A wide DECIMAL may reach an aggregation as longs where its values fit (LongWhenFits); spilled, it is INT128.
        long[] values = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 42};
        LongVector longs = new LongVector(values.length);
        for (int row = 0; row < values.length; row++) {
            longs.set(row, values[row]);
        }
        longs.setPositionCount(values.length);
        longs.setNull(4, true);
        SpillFile file = writeAll(new SpillSpace(temporary), List.of(new ColumnBatch(values.length, List.of(longs))),
                List.of(PhysicalKind.INT128));
        Int128Vector read = (Int128Vector) readAll(file).get(0).column(0);
        for (int row = 0; row < 4; row++) {
            assertThat(read.getBigInteger(row)).isEqualTo(BigInteger.valueOf(values[row]));
        }
        assertThat(read.isNull(4)).isTrue();
    }

    @Test
    void aFlippedByteFailsWithDataCorrupted() throws IOException {
        SpillFile file = writeAll(new SpillSpace(temporary), List.of(randomBatch(new Random(6), 2000, 0.1)));
        byte[] bytes = Files.readAllBytes(file.path());
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file.path(), bytes);
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(CorruptDataException.class, e -> assertThat(e.sqlState()).isEqualTo("XX001"))
                .hasMessageContaining(file.path().toString())
                .hasMessageContaining("checksum");
    }

    @Test
    void aTruncatedFileFailsWithDataCorrupted() throws IOException {
        SpillFile file = writeAll(new SpillSpace(temporary), List.of(randomBatch(new Random(7), 2000, 0.1)));
        byte[] bytes = Files.readAllBytes(file.path());
        for (int keep : new int[] {bytes.length - 1, bytes.length - 16, bytes.length / 2, 9, 3, 0}) {
            Files.write(file.path(), java.util.Arrays.copyOf(bytes, keep));
            assertThatThrownBy(() -> readAll(file))
                    .isInstanceOfSatisfying(CorruptDataException.class, e -> assertThat(e.sqlState()).isEqualTo("XX001"));
        }
    }

    @Test
    void aFileOfOtherColumnsIsRejected() throws IOException {
        SpillSpace space = new SpillSpace(temporary);
        SpillFile longs = writeAll(space, List.of(new ColumnBatch(1, List.of(longs(1)))), List.of(PhysicalKind.LONG));
        SpillFile doubles = writeAll(space, List.of(new ColumnBatch(1, List.of(doubles(1.5)))), List.of(PhysicalKind.DOUBLE));
        Files.copy(longs.path(), doubles.path(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(doubles::open).isInstanceOf(CorruptDataException.class).hasMessageContaining("kind");
    }

    @Test
    void closingTheSpaceDeletesEveryFileAndTheSpaceCanBeUsedAgain() throws IOException {
        SpillSpace space = new SpillSpace(temporary.resolve("tmp"));
        assertThat(space.directory()).isNull();
        assertThat(temporary.resolve("tmp")).doesNotExist();
        SpillFile first = writeAll(space, List.of(randomBatch(new Random(8), 10, 0.1)));
        SpillFileWriter unfinished = space.newFile("hash join partition", ALL_KINDS);
        unfinished.write(randomBatch(new Random(9), 10, 0.1));
        Path directory = space.directory();
        assertThat(filesIn(directory)).hasSize(2);
        space.close();
        assertThat(directory).doesNotExist();
        assertThat(first.path()).doesNotExist();
        SpillFile again = writeAll(space, List.of(randomBatch(new Random(10), 10, 0.1)));
        assertThat(again.path()).exists();
        space.close();
        assertThat(filesIn(temporary.resolve("tmp"))).isEmpty();
    }

    @Test
    void closingAnUnfinishedWriterDeletesItsFileAndDeleteRemovesAFinishedOne() throws IOException {
        SpillSpace space = new SpillSpace(temporary);
        Path path;
        try (SpillFileWriter writer = space.newFile("sort run", ALL_KINDS)) {
            writer.write(randomBatch(new Random(11), 5, 0.0));
            path = space.directory().resolve(filesIn(space.directory()).get(0));
        }
        assertThat(path).doesNotExist();
        SpillFile file = writeAll(space, List.of(randomBatch(new Random(12), 5, 0.0)));
        file.delete();
        assertThat(file.path()).doesNotExist();
        assertThat(space.bytesSpilled()).isEqualTo(file.bytes());
    }

    @Test
    void leftoversOfAKilledProcessAreDeletedButNothingElse() throws IOException {
        Path dataDirectory = temporary.resolve("db");
        SpillSpace killed = new SpillSpace(SpillSpace.temporaryDirectory(dataDirectory));
        writeAll(killed, List.of(randomBatch(new Random(13), 5, 0.0)));
        Path other = Files.createFile(Files.createDirectories(SpillSpace.temporaryDirectory(dataDirectory)).resolve("keep.txt"));
        SpillSpace.deleteLeftovers(dataDirectory);
        assertThat(killed.directory()).doesNotExist();
        assertThat(other).exists();
        SpillSpace.deleteLeftovers(temporary.resolve("never-created"));
    }

    @Test
    void anUnwritableDirectoryFailsWithAnIoError() throws IOException {
        Path notADirectory = Files.createFile(temporary.resolve("file"));
        SpillSpace space = new SpillSpace(notADirectory);
        assertThatThrownBy(() -> space.newFile("sort run", ALL_KINDS))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("58030"))
                .hasMessageContaining("spill");
    }

    @Test
    void aBatchOfOtherColumnsIsRefused() {
        try (SpillFileWriter writer = new SpillSpace(temporary).newFile("sort run", List.of(PhysicalKind.DOUBLE))) {
            assertThatThrownBy(() -> writer.write(new ColumnBatch(1, List.of(longs(1)))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static SpillFile writeAll(SpillSpace space, List<ColumnBatch> batches) {
        return writeAll(space, batches, ALL_KINDS);
    }

    private static SpillFile writeAll(SpillSpace space, List<ColumnBatch> batches, List<PhysicalKind> kinds) {
        try (SpillFileWriter writer = space.newFile("test data", kinds)) {
            for (ColumnBatch batch : batches) {
                writer.write(batch);
            }
            return writer.finish();
        }
    }

    private static List<ColumnBatch> readAll(SpillFile file) {
        List<ColumnBatch> batches = new ArrayList<>();
        try (SpillFileReader reader = file.open()) {
            ColumnBatch batch;
            while ((batch = reader.next()) != null) {
                batches.add(batch);
            }
            assertThat(reader.next()).isNull();
        }
        return batches;
    }

    /** A batch of every kind; {@code nullFraction} of each column's rows are NULL. */
    private static ColumnBatch randomBatch(Random random, int rows, double nullFraction) {
        BooleanVector booleans = new BooleanVector(rows);
        LongVector longs = new LongVector(rows);
        DoubleVector doubles = new DoubleVector(rows);
        Int128Vector decimals = new Int128Vector(rows);
        BytesVector texts = new BytesVector(rows, rows * 8);
        for (int r = 0; r < rows; r++) {
            append(random, nullFraction, booleans, () -> booleans.append(random.nextBoolean()));
            append(random, nullFraction, longs, () -> longs.append(random.nextInt(5) == 0 ? Long.MIN_VALUE : random.nextLong() % 1000));
            append(random, nullFraction, doubles, () -> doubles.append(random.nextInt(7) == 0 ? Double.NaN : random.nextGaussian()));
            append(random, nullFraction, decimals, () -> decimals.append(new BigInteger(120, random).subtract(BigInteger.ONE.shiftLeft(119))));
            append(random, nullFraction, texts, () -> texts.append("välue-" + random.nextInt(50)));
        }
        return new ColumnBatch(rows, List.of(booleans, longs, doubles, decimals, texts));
    }

    private static void append(Random random, double nullFraction, ColumnVector vector, Runnable value) {
        if (random.nextDouble() < nullFraction) {
            vector.appendNull();
        } else {
            value.run();
        }
    }

    private static LongVector longs(long value) {
        LongVector vector = new LongVector(1);
        vector.append(value);
        return vector;
    }

    private static DoubleVector doubles(double value) {
        DoubleVector vector = new DoubleVector(1);
        vector.append(value);
        return vector;
    }

    /** Compares the rows of both lists in order, ignoring how they are cut into batches. */
    private static void assertSameRows(List<ColumnBatch> actual, List<ColumnBatch> expected) {
        assertThat(rows(actual)).isEqualTo(rows(expected));
    }

    private static List<List<Object>> rows(List<ColumnBatch> batches) {
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnBatch batch : batches) {
            for (int r = 0; r < batch.rowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (ColumnVector column : batch.columns()) {
                    row.add(value(column, r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object value(ColumnVector column, int row) {
        if (column.isNull(row)) {
            return "NULL";
        }
        if (column instanceof BooleanVector booleans) {
            return booleans.get(row);
        }
        if (column instanceof LongVector longs) {
            return longs.get(row);
        }
        if (column instanceof DoubleVector doubles) {
            return Double.doubleToRawLongBits(doubles.get(row));
        }
        if (column instanceof Int128Vector decimals) {
            return decimals.getBigInteger(row);
        }
        return ((BytesVector) column).getString(row);
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).toList();
        }
    }
}
