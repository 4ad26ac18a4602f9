package io.basalt.shell;

import io.basalt.jdbc.spi.ConnectionUrl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * What the shell connects to: a JDBC URL ({@code --url}, {@code \c jdbc:…}) or a data directory
 * ({@code --data}, {@code \c DIR}), which is {@code jdbc:basalt:file:DIR}. Either way the shell goes
 * through {@link DriverManager}, as any application would.
 */
record ConnectionTarget(String url, String description) {

    static ConnectionTarget directory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        return new ConnectionTarget(ConnectionUrl.PREFIX + "file:" + absolute, absolute + " (embedded)");
    }

    static ConnectionTarget url(String url) {
        return new ConnectionTarget(url.strip(), ConnectionUrl.redact(url.strip()));
    }

    /** A {@code jdbc:} URL as given, anything else as a data directory ({@code ~/} is the home directory). */
    static ConnectionTarget parse(String urlOrDirectory) {
        String text = urlOrDirectory.strip();
        return text.startsWith("jdbc:") ? url(text) : directory(HomePaths.expand(text));
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url);
    }
}
