package io.basalt.tpch;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one TPC-H table as dbgen text ({@code |}-separated, each line ending in {@code |}), generated in
 * parallel and written in row order. The table is cut into parts of about {@value #ROWS_PER_PART} rows
 * (the {@code io.trino.tpch} generators can start at any part, as dbgen's {@code -S} does); workers turn parts
 * into text while one thread writes finished parts in order, with a few parts in flight at most, so memory
 * stays bounded at any scale factor and the bytes are exactly those of a single-threaded run.
 */
final class TableText {

    /** About 13 MB of lineitem text: large enough that starting a part costs nothing, small enough to hold a few. */
    static final long ROWS_PER_PART = 100_000;

    /**
     * Rows at scale factor 1, and the rows of the table whose count the generator splits into parts (lineitem
     * is split by orders, partsupp by parts). Nation and region are fixed and never split.
     */
    private static final Map<String, long[]> ROWS_AND_SPLIT_ROWS = Map.of(
            "supplier", new long[] {10_000, 10_000},
            "part", new long[] {200_000, 200_000},
            "partsupp", new long[] {800_000, 200_000},
            "customer", new long[] {150_000, 150_000},
            "orders", new long[] {1_500_000, 1_500_000},
            "lineitem", new long[] {6_000_000, 1_500_000});

    private TableText() {
    }

    /** Rows at this scale factor, approximately for lineitem (its lines per order are random). */
    static long estimatedRows(String table, double scaleFactor) {
        if (table.equals("region")) {
            return 5;
        }
        if (table.equals("nation")) {
            return 25;
        }
        return (long) (ROWS_AND_SPLIT_ROWS.get(table)[0] * scaleFactor);
    }

    static int partCount(String table, double scaleFactor) {
        long[] rows = ROWS_AND_SPLIT_ROWS.get(table);
        if (rows == null) {
            return 1;
        }
        long wanted = (long) Math.ceil(rows[0] * scaleFactor / ROWS_PER_PART);
        long splittable = Math.max(1, (long) (rows[1] * scaleFactor));
        return (int) Math.max(1, Math.min(Math.min(wanted, splittable), Integer.MAX_VALUE));
    }

    /**
     * Writes every row of {@code table} to {@code out}, adding each finished part's rows to {@code rows} as it
     * goes (the progress display reads it); returns the number of rows written.
     */
    static long write(String table, double scaleFactor, OutputStream out, ExecutorService workers, int inFlight,
                      AtomicLong rows) throws IOException {
        return write(table, scaleFactor, partCount(table, scaleFactor), out, workers, inFlight, rows);
    }

    /** As above, cut into {@code parts} parts (tests use it to show the cut changes no byte). */
    static long write(String table, double scaleFactor, int parts, OutputStream out, ExecutorService workers, int inFlight,
                      AtomicLong rows) throws IOException {
        TpchTable<?> generator = TpchTable.getTable(table);
        Deque<Future<GeneratedPart>> pending = new ArrayDeque<>();
        int nextPart = 1;
        long written = 0;
        try {
            while (nextPart <= parts && pending.size() < Math.max(1, inFlight)) {
                pending.add(submit(workers, generator, scaleFactor, nextPart++, parts));
            }
            while (!pending.isEmpty()) {
                GeneratedPart part = pending.poll().get();
                out.write(part.text());
                written += part.rows();
                rows.addAndGet(part.rows());
                if (nextPart <= parts) {
                    pending.add(submit(workers, generator, scaleFactor, nextPart++, parts));
                }
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating " + table, e);
        } catch (ExecutionException e) {
            throw new IOException("generating " + table + " failed: " + e.getCause(), e.getCause());
        } finally {
            for (Future<GeneratedPart> future : pending) {
                future.cancel(true);
            }
        }
    }

    private record GeneratedPart(byte[] text, long rows) {
    }

    private static Future<GeneratedPart> submit(ExecutorService workers, TpchTable<?> table, double scaleFactor,
                                                int part, int parts) {
        return workers.submit(() -> generate(table, scaleFactor, part, parts));
    }

    private static <E extends TpchEntity> GeneratedPart generate(TpchTable<E> table, double scaleFactor, int part, int parts) {
        StringBuilder text = new StringBuilder();
        long rows = 0;
        for (E row : table.createGenerator(scaleFactor, part, parts)) {
            text.append(row.toLine()).append('\n');
            rows++;
        }
        return new GeneratedPart(text.toString().getBytes(StandardCharsets.UTF_8), rows);
    }
}
