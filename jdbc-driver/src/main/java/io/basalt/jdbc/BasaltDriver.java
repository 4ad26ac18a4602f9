package io.basalt.jdbc;

import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;
import io.basalt.jdbc.spi.Transport;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Basalt's JDBC driver, registered with {@link DriverManager} when the class loads (and found by
 * {@code DriverManager} through {@code META-INF/services/java.sql.Driver}). It accepts
 * {@code jdbc:basalt:file:DIR}, {@code jdbc:basalt:mem:[NAME]} and {@code jdbc:basalt://HOST[:PORT]/}
 * (see {@link ConnectionUrl}) and opens each connection through the {@link Transport} that serves the URL.
 */
public final class BasaltDriver implements Driver {

    // Static: providers are instantiated once per class loader, however many driver objects exist.
    private static final TransportRegistry TRANSPORTS = new TransportRegistry(BasaltDriver.class.getClassLoader());

    static {
        try {
            DriverManager.registerDriver(new BasaltDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The driver's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return DriverVersion.VERSION;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: another driver's URL
        }
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        Properties properties = DriverProperties.merge(parsed, info);
        int fetchSize = DriverProperties.fetchSize(properties);
        Transport transport = TRANSPORTS.find(url);
        ServerSession session;
        try {
            session = transport.connect(url, properties);
        } catch (RuntimeException e) {
            throw SqlExceptionFactory.create(SqlStates.UNABLE_TO_CONNECT,
                    "could not connect to " + parsed + ": internal error in the Basalt transport: " + e, e);
        }
        if (session == null) {
            throw SqlExceptionFactory.create(SqlStates.PROTOCOL_VIOLATION,
                    "the Basalt transport " + transport.getClass().getName() + " returned no session for " + parsed);
        }
        return new BasaltConnection(session, url, properties, fetchSize);
    }

    @Override
    public boolean acceptsURL(String url) {
        return ConnectionUrl.isBasaltUrl(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Properties properties = acceptsURL(url) ? DriverProperties.merge(ConnectionUrl.parse(url), info)
                : (info == null ? new Properties() : info);
        return DriverProperties.describe(properties);
    }

    @Override
    public int getMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return DriverVersion.MINOR;
    }

    /** False: the driver does not implement all of JDBC (no CallableStatement, no scrollable results). */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptionFactory.notSupported("the Basalt driver does not log through java.util.logging");
    }
}
