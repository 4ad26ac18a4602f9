package io.basalt.tpch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Connects to a JDBC URL whose driver is on the class path or in jars named on the command line
 * ({@code --drivers}). The second way keeps a peer's driver (DuckDB's is 80 MB of native code) out of
 * {@code basalt.jar}: {@code bin/basalt} runs with {@code -jar}, which ignores {@code -cp}, so the harness
 * loads those jars itself. {@link DriverManager} refuses drivers from a class loader its caller cannot see,
 * hence the direct {@link Driver#connect} call.
 */
final class DriverLoader implements AutoCloseable {

    private final URLClassLoader loader;

    DriverLoader(List<Path> paths) {
        List<URL> jars = new ArrayList<>();
        for (Path path : paths) {
            for (Path jar : jarsAt(path)) {
                try {
                    jars.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("not a usable jar path: " + jar, e);
                }
            }
        }
        loader = jars.isEmpty() ? null : new URLClassLoader(jars.toArray(URL[]::new), DriverLoader.class.getClassLoader());
    }

    Connection connect(String url) throws SQLException {
        return connect(url, new Properties());
    }

    /** Connects with connection properties {@code properties} (beside those in the URL). */
    Connection connect(String url, Properties properties) throws SQLException {
        if (loader != null) {
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                if (driver.acceptsURL(url)) {
                    Connection connection = driver.connect(url, properties);
                    if (connection != null) {
                        return connection;
                    }
                }
            }
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            // DriverManager's own message when no driver accepts the URL; a driver's refusal stays as it is.
            if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
                throw new SQLException(e.getMessage() + " (is its JDBC driver jar given with --drivers?)", e.getSQLState(), e);
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    private static List<Path> jarsAt(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--drivers: " + path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
