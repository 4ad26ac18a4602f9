package io.basalt.tpch;

import io.basalt.jdbc.spi.ConnectionUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One database the harness works with, through one JDBC connection: its name for reports and the little
 * it must know about particular products. Everything else is plain JDBC and standard SQL, the same for
 * every database.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private final String url;
    private final Connection connection;
    private final String product;
    private final String version;
    private final String label;

    private BenchmarkDatabase(String url, Connection connection, String product, String version, String label) {
        this.url = url;
        this.connection = connection;
        this.product = product;
        this.version = version;
        this.label = label;
    }

    /**
     * Connects; {@code threads}, when given, becomes {@code SET threads = N} and {@code memoryLimit}
     * {@code SET memory_limit = 'SIZE'} (Basalt and DuckDB both spell them so). {@code warmUp} connects with the
     * property {@code warm_up=true}, which only an in-process Basalt takes (its JIT warm-up runs first;
     * {@link #isInProcessBasalt}). {@code otherLabel} is the
     * label of the database this one is compared with, so that two of a kind get distinct names.
     */
    static BenchmarkDatabase open(String url, DriverLoader drivers, Integer threads, String memoryLimit, boolean warmUp,
            String otherLabel) throws SQLException {
        Properties properties = new Properties();
        if (warmUp) {
            properties.setProperty("warm_up", "true");
        }
        Connection connection = drivers.connect(url, properties);
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            String product = metadata.getDatabaseProductName();
            String version = metadata.getDatabaseProductVersion();
            try (Statement statement = connection.createStatement()) {
                if (threads != null) {
                    statement.execute("SET threads = " + threads);
                }
                if (memoryLimit != null) {
                    // the command line checked the size's form, so quoting cannot be broken out of
                    statement.execute("SET memory_limit = '" + memoryLimit + "'");
                }
            }
            String label = product.equals(otherLabel) ? product + " (compared)" : product;
            return new BenchmarkDatabase(url, connection, product, version, label);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    Connection connection() {
        return connection;
    }

    String product() {
        return product;
    }

    String version() {
        return version;
    }

    /** How reports name this database: its product name. */
    String label() {
        return label;
    }

    /** Whether the database runs inside this process (Basalt embedded, file or memory), so its heap is ours. */
    boolean runsInThisProcess() {
        return isInProcessBasalt(url);
    }

    /** Whether {@code url} opens Basalt in this process (a file or memory database, not a server). */
    static boolean isInProcessBasalt(String url) {
        if (!ConnectionUrl.isBasaltUrl(url)) {
            return false;
        }
        try {
            return ConnectionUrl.parse(url).kind() != ConnectionUrl.Kind.NETWORK;
        } catch (SQLException e) {
            return false;
        }
    }

    boolean isDuckDb() {
        return product.toLowerCase(Locale.ROOT).contains("duckdb");
    }

    /**
     * Makes loaded data durable where a product needs a statement for it: DuckDB keeps recent changes in its
     * write-ahead log until a checkpoint, and its file size means little before one. Basalt's COPY has
     * written and synced its segments when it returns.
     */
    void finishLoad() throws SQLException {
        if (isDuckDb()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        }
    }

    /** Bytes of the files holding this database, or -1 when they are not on this machine or not known. */
    long bytesOnDisk() {
        List<Path> files = storageFiles();
        if (files.isEmpty()) {
            return -1;
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += sizeOf(file);
        }
        return bytes;
    }

    /** A Basalt data directory ({@code jdbc:basalt:file:DIR}) or a DuckDB file and its log. */
    private List<Path> storageFiles() {
        List<Path> files = new ArrayList<>();
        if (ConnectionUrl.isBasaltUrl(url)) {
            try {
                ConnectionUrl parsed = ConnectionUrl.parse(url);
                if (parsed.kind() == ConnectionUrl.Kind.FILE) {
                    files.add(Path.of(parsed.directory()));
                }
            } catch (SQLException e) {
                return files;
            }
        } else if (url.startsWith("jdbc:duckdb:")) {
            String location = url.substring("jdbc:duckdb:".length());
            int question = location.indexOf('?');
            location = question < 0 ? location : location.substring(0, question);
            if (!location.isEmpty() && !location.startsWith(":memory:")) {
                files.add(Path.of(location));
                files.add(Path.of(location + ".wal"));
            }
        }
        return files;
    }

    private static long sizeOf(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(path)) {
            return all.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    // A file vacuumed away while we walk no longer takes space.
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
