package io.basalt.jdbc.net;

import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;
import io.basalt.jdbc.spi.Transport;

import java.sql.SQLException;
import java.util.Properties;

/**
 * The driver's own transport for {@code jdbc:basalt://HOST[:PORT]/[SCHEMA]}: a socket to a Basalt server speaking
 * the wire protocol (docs/protocol.md). Built into the driver rather than found by ServiceLoader, so the driver jar
 * alone reaches a server.
 *
 * <p>Properties: {@code user}, {@code password}, {@code ssl} ({@code true}: TLS, verified against the JVM's trust
 * store or {@code sslRootCert}, a PEM file of the server's certificate or its CA), {@code connectTimeout} (seconds,
 * default 10).
 */
public final class SocketTransport implements Transport {

    @Override
    public boolean acceptsUrl(String url) {
        return url != null && url.startsWith(ConnectionUrl.PREFIX + "//");
    }

    @Override
    public ServerSession connect(String url, Properties info) throws SQLException {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        String user = info.getProperty("user");
        if (user == null || user.isEmpty()) {
            throw SqlExceptionFactory.create("28000", "no user given: add ?user=NAME to the URL or a 'user' property");
        }
        String password = info.getProperty("password", "");
        ConnectionSettings settings = new ConnectionSettings(parsed.host(), parsed.port(),
                Boolean.parseBoolean(info.getProperty("ssl", "false")), info.getProperty("sslRootCert"),
                seconds(info.getProperty("connectTimeout", "10")));
        ProtocolConnection connection = ProtocolConnection.open(settings);
        try {
            connection.startup(user, password, parsed.database());
        } catch (SQLException e) {
            connection.closeQuietly();
            throw e;
        }
        return new SocketServerSession(connection);
    }

    private static int seconds(String text) throws SQLException {
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "connectTimeout must be a number of seconds: " + text);
        }
    }
}
