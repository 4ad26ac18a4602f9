package io.basalt.storage.segment;

import io.basalt.storage.compress.Compression;
import io.basalt.storage.encoding.TestData;
import io.basalt.storage.encoding.TestVectors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Values of every logical type, including each type's extremes, and small helpers to write segments. */
final class SegmentTestData {

    static final List<LogicalType> ALL_TYPES = List.of(LogicalType.BOOLEAN, LogicalType.TINYINT, LogicalType.SMALLINT,
            LogicalType.INTEGER, LogicalType.BIGINT, LogicalType.decimal(10, 2), LogicalType.decimal(38, 10),
            LogicalType.REAL, LogicalType.DOUBLE, LogicalType.varchar(20), LogicalType.character(5), LogicalType.TEXT,
            LogicalType.DATE, LogicalType.TIME, LogicalType.TIMESTAMP);

    private static final String[] TEXTS = {"", "a", "日本語", "👍🏽 ok", "e\u0301", "Ünïcödé", "plain ascii", "z"};

    private SegmentTestData() {
    }

    /** {@code rows} values of a type; the first rows are the type's extremes. Nulls: "none", "some" or "all". */
    static ColumnVector values(LogicalType type, int rows, String nulls, Random random) {
        ColumnVector vector = ColumnVector.create(type.physicalKind(), rows);
        for (int i = 0; i < rows; i++) {
            if (nulls.equals("all") || (nulls.equals("some") && i % 4 == 2)) {
                vector.appendNull();
                continue;
            }
            switch (type.kind()) {
                case BOOLEAN -> ((BooleanVector) vector).append(random.nextInt(3) == 0);
                case TINYINT -> ((LongVector) vector).append(extreme(i, Byte.MIN_VALUE, Byte.MAX_VALUE, random));
                case SMALLINT -> ((LongVector) vector).append(extreme(i, Short.MIN_VALUE, Short.MAX_VALUE, random));
                case INTEGER -> ((LongVector) vector).append(extreme(i, Integer.MIN_VALUE, Integer.MAX_VALUE, random));
                case BIGINT -> ((LongVector) vector).append(i == 0 ? Long.MIN_VALUE : i == 1 ? Long.MAX_VALUE : random.nextLong());
                case DATE -> ((LongVector) vector).append(extreme(i, -719_162, 2_932_896, random)); // 0001-01-01 .. 9999-12-31
                case TIME -> ((LongVector) vector).append(extreme(i, 0, 86_400_000_000L - 1, random));
                case TIMESTAMP -> ((LongVector) vector).append(1_600_000_000_000_000L + i * 1_000_000L + random.nextInt(1000));
                case DECIMAL -> {
                    if (type.physicalKind() == PhysicalKind.INT128) {
                        BigInteger max = TestData.TEN_TO_38_MINUS_1;
                        ((Int128Vector) vector).append(i == 0 ? max : i == 1 ? max.negate()
                                : TestData.randomBigs(random, 1)[0]);
                    } else {
                        ((LongVector) vector).append(extreme(i, -9_999_999_999L, 9_999_999_999L, random));
                    }
                }
                case REAL -> {
                    double[] specials = {Float.NaN, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, Float.MIN_VALUE};
                    ((DoubleVector) vector).append(i < specials.length ? specials[i] : (double) (random.nextFloat() * 1000 - 500));
                }
                case DOUBLE -> {
                    double[] specials = TestData.specialDoubles();
                    ((DoubleVector) vector).append(i < specials.length ? specials[i] : random.nextGaussian() * 1e6);
                }
                case VARCHAR, CHAR -> {
                    String text = TEXTS[random.nextInt(TEXTS.length)] + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(1000)));
                    if (type.kind() == TypeKind.CHAR) {
                        text = (text + "     ").substring(0, 5);
                    }
                    ((BytesVector) vector).append(text);
                }
            }
        }
        return vector;
    }

    private static long extreme(int i, long min, long max, Random random) {
        if (i == 0) {
            return min;
        }
        if (i == 1) {
            return max;
        }
        return min + (long) (random.nextDouble() * ((double) max - min));
    }

    static ColumnSpec spec(String name, LogicalType type, Compression compression) {
        return new ColumnSpec(name, type, compression);
    }

    /** Writes the vectors (all of the same length) as a segment, appending them in batches of the given sizes. */
    /** Damages a file: flips one bit of the byte at {@code position}. */
    static void flip(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x10));
            one.rewind();
            channel.write(one, position);
        }
    }

    static SegmentMetadata write(Path file, List<ColumnSpec> specs, List<ColumnVector> columns, int... batchSizes) {
        int rows = columns.isEmpty() ? 0 : columns.get(0).positionCount();
        SegmentWriter writer = SegmentWriter.create(file, specs);
        int from = 0;
        int b = 0;
        while (from < rows) {
            int size = Math.min(batchSizes.length == 0 ? rows : batchSizes[b++ % batchSizes.length], rows - from);
            List<ColumnVector> batch = new ArrayList<>();
            for (ColumnVector column : columns) {
                batch.add(TestVectors.slice(column, from, size));
            }
            writer.append(new ColumnBatch(size, batch));
            from += size;
        }
        return writer.finish();
    }
}
