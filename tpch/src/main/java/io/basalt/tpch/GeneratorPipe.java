package io.basalt.tpch;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Loads rows straight from the generators, with no {@code .tbl} file in between: each table's rows are
 * written into a named pipe (a FIFO, made with {@code mkfifo}) while the database's {@code COPY} reads
 * the other end, so generating and loading overlap and nothing touches the disk but the database's own
 * files. The rows still travel as dbgen text: JDBC offers no other bulk path into Basalt today
 * ({@code COPY} reads files; typed batches need {@code ?} parameters). The pipe is on this machine, so the
 * database must be too (embedded, or a server on localhost), as for {@code COPY} from files.
 */
final class GeneratorPipe implements AutoCloseable {

    private final double scaleFactor;
    private final int threads;
    private final Path directory;
    private final ExecutorService workers;
    private final AtomicLong rows = new AtomicLong();
    private Path fifo;
    private Thread writer;
    private CountingStream counted;
    private volatile Exception failure;

    GeneratorPipe(double scaleFactor, int threads) throws IOException {
        this.scaleFactor = scaleFactor;
        this.threads = threads;
        this.directory = Files.createTempDirectory("basalt-tpch-pipe-");
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "tpch-generator");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Rows written into the current pipe so far (for progress). */
    long rowsWritten() {
        return rows.get();
    }

    /**
     * Makes the pipe {@code TABLE.tbl} (the {@code .tbl} name tells Basalt's COPY to expect dbgen's trailing
     * delimiter) and starts writing the table into it; the writer waits until the database opens the pipe.
     */
    Path start(String table) throws IOException {
        fifo = directory.resolve(table + ".tbl");
        makeFifo(fifo);
        rows.set(0);
        failure = null;
        writer = new Thread(() -> {
            try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(fifo), 1 << 20))) {
                counted = out;
                TableText.write(table, scaleFactor, out, workers, threads + 1, rows);
            } catch (Exception e) {
                failure = e;
            }
        }, "tpch-pipe-" + table);
        writer.setDaemon(true);
        writer.start();
        return fifo;
    }

    /**
     * Waits for the writer after the database's {@code COPY} returned; returns the text bytes that went through
     * the pipe. When the COPY failed, the writer may still wait for a reader or be blocked writing: it is
     * interrupted and the pipe drained so that it ends.
     */
    long finish(boolean copySucceeded) throws IOException {
        try {
            if (!copySucceeded) {
                writer.interrupt();
                drainUntilWriterEnds();
            }
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the generator", e);
        } finally {
            Files.deleteIfExists(fifo);
        }
        if (copySucceeded && failure != null) {
            throw new IOException("generating rows into the pipe failed: " + failure.getMessage(), failure);
        }
        return counted == null ? 0 : counted.bytes;
    }

    private void drainUntilWriterEnds() throws IOException, InterruptedException {
        try (InputStream in = Files.newInputStream(fifo)) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // Discarded: the load already failed; reading only lets the writer reach its end.
            }
        }
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }

    private static void makeFifo(Path path) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("--from-generator needs the mkfifo command (a POSIX system): " + e.getMessage(), e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("mkfifo " + path + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a pipe", e);
        }
    }

    @Override
    public void close() throws IOException {
        workers.shutdownNow();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Counts the bytes that pass, for the text size of a load that has no files. */
    private static final class CountingStream extends FilterOutputStream {
        private volatile long bytes;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            bytes += length;
        }

        @Override
        public void write(int value) throws IOException {
            out.write(value);
            bytes++;
        }
    }
}
