package io.basalt.jdbc.spi;

import java.sql.SQLException;
import java.util.Properties;

/**
 * A way to reach a Basalt database: the contract between the JDBC driver and whatever runs the
 * statements. The embedded transport lives in {@code basalt.jar} (the server module) and is found with
 * {@link java.util.ServiceLoader} through {@code META-INF/services/io.basalt.jdbc.spi.Transport}; the
 * socket transport for {@code jdbc:basalt://} will be built into the driver.
 *
 * <p>The driver instantiates each provider once per class loader and reuses it for every connection, so
 * a transport may keep state shared by its connections (for example the databases it has opened). It
 * must have a public no-argument constructor and be safe to call from many threads.
 */
public interface Transport {

    /**
     * Whether this transport serves {@code url}. Called for URLs the driver accepts (they start with
     * {@code jdbc:basalt:}); {@link ConnectionUrl#parse(String)} splits them. Must not throw.
     */
    boolean acceptsUrl(String url);

    /**
     * Opens a session for {@code url}.
     *
     * @param info the caller's properties merged over the URL's query parameters (the caller's win);
     *     {@code user} and {@code password} are among them when given
     * @throws SQLException with SQLSTATE class 08 when the database cannot be reached or opened, or 28
     *     when the credentials are refused
     */
    ServerSession connect(String url, Properties info) throws SQLException;
}
