package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static io.basalt.storage.csv.CsvTestSupport.columns;
import static io.basalt.storage.csv.CsvTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderParallelTest {

    @TempDir
    Path directory;

    private static final List<CsvColumn> COLUMNS = columns(
            "id", LogicalType.BIGINT,
            "name", LogicalType.TEXT,
            "amount", LogicalType.decimal(12, 3),
            "day", LogicalType.DATE,
            "flag", LogicalType.BOOLEAN,
            "ratio", LogicalType.DOUBLE,
            "note", LogicalType.varchar(20));

    /** Awkward text: delimiters, doubled quotes, LF and CRLF inside quotes, non-ASCII, empty and NULL. */
    private static String randomCsv(Random random, int rows, boolean header) {
        String[] pieces = {"plain", "with,comma", "quote\"inside", "new\nline", "cr\r\nlf", "日本語", "é", " ", "",
                "\"\"", ",,,", "\n\n"};
        StringBuilder text = new StringBuilder(header ? "id,name,amount,day,flag,ratio,note\r\n" : "");
        for (int row = 0; row < rows; row++) {
            StringBuilder name = new StringBuilder();
            for (int i = random.nextInt(4); i > 0; i--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            boolean mustQuote = name.indexOf(",") >= 0 || name.indexOf("\"") >= 0 || name.indexOf("\n") >= 0
                    || name.length() == 0 || random.nextInt(4) == 0;
            text.append(row).append(',');
            text.append(mustQuote ? '"' + name.toString().replace("\"", "\"\"") + '"' : name).append(',');
            text.append(random.nextInt(5) == 0 ? "" : (random.nextInt(2_000_000) - 1_000_000) / 1000.0).append(',');
            text.append(random.nextInt(5) == 0 ? "" : LocalDate.ofEpochDay(random.nextInt(20_000)).toString()).append(',');
            text.append(random.nextBoolean() ? "t" : "false").append(',');
            text.append(random.nextDouble() * 100).append(',');
            int note = random.nextInt(3);
            text.append(note == 0 ? "" : note == 1 ? "\"\"" : "\"n" + row % 97 + "\"");
            text.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        if (random.nextBoolean()) {
            text.setLength(text.length() - (text.charAt(text.length() - 2) == '\r' ? 2 : 1)); // no final newline
        }
        return text.toString();
    }

    private static List<List<Object>> readWith(Path file, CsvOptions options, int chunkSize, int parallelism, int batchSize) {
        CsvReader reader = CsvReader.builder(file, COLUMNS).options(options)
                .chunkSize(chunkSize).parallelism(parallelism).batchSize(batchSize).build();
        List<List<Object>> rows = new ArrayList<>();
        reader.read(batch -> {
            assertThat(batch.rowCount()).isBetween(1, batchSize);
            rows.addAll(CsvTestSupport.toRows(batch, COLUMNS));
        });
        return rows;
    }

    @Test
    void manyTinyChunksGiveTheSameRowsAsOneThread() {
        Random random = new Random(2024);
        for (int file = 0; file < 6; file++) {
            boolean header = file % 2 == 0;
            String text = randomCsv(random, 300 + random.nextInt(300), header);
            Path path = write(directory, "random-" + file + ".csv", text);
            CsvOptions options = CsvOptions.builder().header(header).build();
            List<List<Object>> expected = readWith(path, options, 1 << 20, 1, 1 << 16);
            assertThat(expected).hasSizeGreaterThanOrEqualTo(300);
            for (int id = 0; id < expected.size(); id++) {
                assertThat(expected.get(id).get(0)).isEqualTo((long) id);
            }
            for (int chunkSize : new int[] {1, 2, 3, 5, 8, 13, 64, 100, 1000, 4096}) {
                assertThat(readWith(path, options, chunkSize, 4, 7))
                        .as("file %d with chunks of %d bytes", file, chunkSize)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void quotedNewlinesStraddlingEveryChunkBoundary() {
        // Each record is 24 bytes with a newline inside quotes; chunk sizes around that size put the
        // boundary at every possible offset within a record, inside and outside the quotes.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append(String.format("%04d", i)).append(",\"a\nb,\"\"c\"\"\",1.5,,t,2,\n");
        }
        Path path = write(directory, "straddle.csv", text.toString());
        List<List<Object>> expected = readWith(path, CsvOptions.DEFAULT, 1 << 20, 1, 1000);
        assertThat(expected).hasSize(400);
        assertThat(expected.get(399).get(1)).isEqualTo("a\nb,\"c\"");
        for (int chunkSize = 10; chunkSize <= 60; chunkSize++) {
            assertThat(readWith(path, CsvOptions.DEFAULT, chunkSize, 3, 33)).as("chunk size %d", chunkSize).isEqualTo(expected);
        }
    }

    @Test
    void parsesAMillionLineitemLikeRows() throws IOException {
        int rows = 1_000_000;
        Path file = directory.resolve("lineitem.tbl");
        long expectedKeySum = 0;
        long expectedQuantitySum = 0;
        long expectedPriceSum = 0;
        long expectedDaySum = 0;
        long expectedCommentBytes = 0;
        String[] comments = {"egular courts above the", "ly final dependencies: slyly bold ", "riously. regular, express dep",
                "lites. fluffily even de", "pending foxes. slyly re", "arefully slyly ex", "ironic théodolites ☃"};
        LocalDate firstDay = LocalDate.of(1992, 1, 1);
        String[] days = new String[2500];
        for (int day = 0; day < days.length; day++) {
            days[day] = firstDay.plusDays(day).toString();
        }
        StringBuilder line = new StringBuilder();
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < rows; i++) {
                long key = i / 4 + 1;
                long quantityCents = (i % 50 + 1) * 100L;
                long priceCents = 90_000L + (i * 7919L) % 10_000_000L;
                int day = i % days.length;
                String comment = comments[i % comments.length];
                line.setLength(0);
                line.append(key).append('|').append(i % 200_000 + 1).append('|').append(quantityCents / 100).append('|')
                        .append(priceCents / 100).append('.').append(priceCents % 100 < 10 ? "0" : "").append(priceCents % 100)
                        .append('|').append(days[day]).append('|').append("NRA".charAt(i % 3)).append('|').append(comment)
                        .append("|\n");
                writer.append(line);
                expectedKeySum += key;
                expectedQuantitySum += quantityCents;
                expectedPriceSum += priceCents;
                expectedDaySum += firstDay.toEpochDay() + day;
                expectedCommentBytes += comment.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        List<CsvColumn> columns = columns(
                "l_orderkey", LogicalType.BIGINT,
                "l_partkey", LogicalType.INTEGER,
                "l_quantity", LogicalType.decimal(15, 2),
                "l_extendedprice", LogicalType.decimal(15, 2),
                "l_shipdate", LogicalType.DATE,
                "l_returnflag", LogicalType.character(1),
                "l_comment", LogicalType.varchar(44));
        CsvOptions options = CsvOptions.builder().delimiter('|').allowTrailingDelimiter(true).build();
        AtomicLong keySum = new AtomicLong();
        AtomicLong quantitySum = new AtomicLong();
        AtomicLong priceSum = new AtomicLong();
        AtomicLong daySum = new AtomicLong();
        AtomicLong commentBytes = new AtomicLong();
        AtomicLong previousKey = new AtomicLong();
        List<Integer> batchSizes = new ArrayList<>();
        // Chunks much smaller than the default, so that this file makes well over a hundred of them.
        long count = CsvReader.builder(file, columns).options(options).chunkSize(256 << 10).parallelism(4).build().read(batch -> {
            batchSizes.add(batch.rowCount());
            keySum.addAndGet(sum(batch, 0));
            quantitySum.addAndGet(sum(batch, 2));
            priceSum.addAndGet(sum(batch, 3));
            daySum.addAndGet(sum(batch, 4));
            commentBytes.addAndGet(((BytesVector) batch.column(6)).dataSize());
            // File order: the keys never decrease across batches.
            LongVector keys = (LongVector) batch.column(0);
            assertThat(keys.get(0)).isGreaterThanOrEqualTo(previousKey.get());
            previousKey.set(keys.get(batch.rowCount() - 1));
        });
        assertThat(count).isEqualTo(rows);
        assertThat(batchSizes.size()).isGreaterThan(100);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, CsvReader.DEFAULT_BATCH_SIZE));
        assertThat(keySum.get()).isEqualTo(expectedKeySum);
        assertThat(quantitySum.get()).isEqualTo(expectedQuantitySum);
        assertThat(priceSum.get()).isEqualTo(expectedPriceSum);
        assertThat(daySum.get()).isEqualTo(expectedDaySum);
        assertThat(commentBytes.get()).isEqualTo(expectedCommentBytes);
    }

    private static long sum(ColumnBatch batch, int column) {
        LongVector vector = (LongVector) batch.column(column);
        long total = 0;
        for (int i = 0; i < batch.rowCount(); i++) {
            total += vector.get(i);
        }
        return total;
    }
}
