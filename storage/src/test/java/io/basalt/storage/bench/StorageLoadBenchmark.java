package io.basalt.storage.bench;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.compress.Compression;
import io.basalt.storage.csv.CsvOptions;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.segment.BlockInfo;
import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.table.CsvTableLoader;
import io.basalt.storage.type.LogicalType;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Loads TPC-H {@code lineitem} from a {@code .tbl} file through the bulk path (parallel CSV reader →
 * table appender → segments) and reads it back, reporting rows/s written and read, bytes on disk against
 * the text size, and which encodings the blocks chose. A benchmark, not a test: run it with
 * {@code make bench-storage SF=1 [ARGS="--compression zstd --dir DIR"]}.
 */
public final class StorageLoadBenchmark {

    private StorageLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scaleFactor = 1;
        Path workDirectory = Path.of("bench-data");
        Compression compression = Compression.LZ4;
        int parallelism = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sf" -> scaleFactor = Double.parseDouble(args[++i]);
                case "--dir" -> workDirectory = Path.of(args[++i]);
                case "--compression" -> compression = Compression.valueOf(args[++i].toUpperCase());
                case "--threads" -> parallelism = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --sf N, --dir DIR, --compression lz4|zstd|none, --threads N)");
            }
        }
        Path tbl = workDirectory.resolve("sf" + scaleFactor).resolve("lineitem.tbl");
        generateIfMissing(tbl, scaleFactor);
        long textBytes = Files.size(tbl);
        Path dataDirectory = workDirectory.resolve("storage-bench-" + compression.name().toLowerCase());
        deleteRecursively(dataDirectory);

        System.out.printf("lineitem SF %s: %,d bytes of text, %s, %d threads, JDK %s%n", scaleFactor, textBytes,
                compression, parallelism, Runtime.version());
        try (StorageEngine engine = StorageEngine.open(dataDirectory)) {
            long tableId;
            try (Transaction transaction = engine.begin()) {
                tableId = transaction.createTable(lineitem(compression));
                transaction.commit();
            }
            long start = System.nanoTime();
            long rows;
            try (Transaction transaction = engine.begin()) {
                rows = CsvTableLoader.load(transaction, tableId,  tbl,
                        CsvOptions.builder().delimiter('|').allowTrailingDelimiter(true).build(), parallelism);
                transaction.commit();
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long diskBytes = segmentBytes(dataDirectory);
            System.out.printf("load:  %,d rows in %.2f s = %,.0f rows/s (%.1f MB/s of text)%n", rows, loadSeconds,
                    rows / loadSeconds, textBytes / loadSeconds / 1e6);
            System.out.printf("disk:  %,d bytes in segments = %.1f%% of the text (%.2fx smaller)%n", diskBytes,
                    100.0 * diskBytes / textBytes, (double) textBytes / diskBytes);
            TableEntry table = engine.current().table(tableId).orElseThrow();
            for (int run = 1; run <= 3; run++) {
                start = System.nanoTime();
                long read = readAllColumns(engine, table, parallelism);
                double readSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("read %d: %,d rows x %d columns in %.2f s = %,.0f rows/s%n", run, read,
                        table.definition().columns().size(), readSeconds, read / readSeconds);
            }
            printEncodings(engine, table);
        }
    }

    static TableDefinition lineitem(Compression compression) {
        LogicalType money = LogicalType.decimal(15, 2);
        List<ColumnDefinition> columns = List.of(
                ColumnDefinition.notNull("l_orderkey", LogicalType.BIGINT),
                ColumnDefinition.notNull("l_partkey", LogicalType.BIGINT),
                ColumnDefinition.notNull("l_suppkey", LogicalType.BIGINT),
                ColumnDefinition.notNull("l_linenumber", LogicalType.INTEGER),
                ColumnDefinition.notNull("l_quantity", money),
                ColumnDefinition.notNull("l_extendedprice", money),
                ColumnDefinition.notNull("l_discount", money),
                ColumnDefinition.notNull("l_tax", money),
                ColumnDefinition.notNull("l_returnflag", LogicalType.character(1)),
                ColumnDefinition.notNull("l_linestatus", LogicalType.character(1)),
                ColumnDefinition.notNull("l_shipdate", LogicalType.DATE),
                ColumnDefinition.notNull("l_commitdate", LogicalType.DATE),
                ColumnDefinition.notNull("l_receiptdate", LogicalType.DATE),
                ColumnDefinition.notNull("l_shipinstruct", LogicalType.character(25)),
                ColumnDefinition.notNull("l_shipmode", LogicalType.character(10)),
                ColumnDefinition.notNull("l_comment", LogicalType.varchar(44)));
        return new TableDefinition(Manifest.DEFAULT_SCHEMA, "lineitem", columns, List.of(),
                TableOptions.DEFAULT.withCompression(compression));
    }

    private static void generateIfMissing(Path tbl, double scaleFactor) throws IOException {
        if (Files.exists(tbl)) {
            return;
        }
        Files.createDirectories(tbl.getParent());
        Path partial = tbl.resolveSibling("lineitem.tbl.partial");
        long start = System.nanoTime();
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (LineItem item : new LineItemGenerator(scaleFactor, 1, 1)) {
                out.write(item.toLine());
                out.write('\n');
                rows++;
            }
        }
        Files.move(partial, tbl);
        System.out.printf("generated %s: %,d rows in %.1f s%n", tbl, rows, (System.nanoTime() - start) / 1e9);
    }

    /** Decodes every block of every column, one segment per task, as a full scan would. */
    private static long readAllColumns(StorageEngine engine, TableEntry table, int parallelism) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        AtomicLong rows = new AtomicLong();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (PartitionEntry partition : table.partitions()) {
                for (SegmentEntry segment : partition.segments()) {
                    Path file = engine.layout().segmentFile(table.tableId(), partition.partitionId(), segment.segmentId());
                    tasks.add(pool.submit(() -> {
                        try (SegmentReader reader = SegmentReader.open(file)) {
                            for (int column = 0; column < reader.footer().columnCount(); column++) {
                                reader.readColumn(column);
                            }
                            rows.addAndGet(reader.footer().rowCount());
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }
        return rows.get();
    }

    private static void printEncodings(StorageEngine engine, TableEntry table) {
        int columnCount = table.definition().columns().size();
        List<Map<EncodingKind, Integer>> blocks = new ArrayList<>();
        long[] stored = new long[columnCount];
        long[] raw = new long[columnCount];
        for (int c = 0; c < columnCount; c++) {
            blocks.add(new EnumMap<>(EncodingKind.class));
        }
        for (PartitionEntry partition : table.partitions()) {
            for (SegmentEntry segment : partition.segments()) {
                try (SegmentReader reader = SegmentReader.open(
                        engine.layout().segmentFile(table.tableId(), partition.partitionId(), segment.segmentId()))) {
                    for (int c = 0; c < columnCount; c++) {
                        for (BlockInfo block : reader.footer().blocks(c)) {
                            blocks.get(c).merge(block.encoding(), 1, Integer::sum);
                            stored[c] += block.storedLength();
                            raw[c] += block.uncompressedLength();
                        }
                    }
                }
            }
        }
        System.out.printf("%n%-16s %-14s %14s %14s  %s%n", "column", "type", "encoded bytes", "stored bytes", "blocks per encoding");
        for (int c = 0; c < columnCount; c++) {
            ColumnDefinition column = table.definition().columns().get(c);
            System.out.printf("%-16s %-14s %,14d %,14d  %s%n", column.name(), column.type(), raw[c], stored[c], blocks.get(c));
        }
    }

    private static long segmentBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".seg")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
