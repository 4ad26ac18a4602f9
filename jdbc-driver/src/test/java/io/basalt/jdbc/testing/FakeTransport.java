package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;
import io.basalt.jdbc.spi.Transport;

import java.sql.SQLException;
import java.util.Properties;

/**
 * The test transport, registered through {@code META-INF/services} in the test resources: it serves
 * {@code jdbc:basalt:mem:fake-…} URLs by opening a {@link FakeSession} on the {@link FakeDatabase} of that
 * name. Any other URL is left to other transports (there are none in the tests), so the driver's
 * "no transport" path can be tested with {@code jdbc:basalt:file:…}.
 */
public final class FakeTransport implements Transport {

    public static final String URL_PREFIX = ConnectionUrl.PREFIX + "mem:" + FakeDatabase.NAME_PREFIX;

    @Override
    public boolean acceptsUrl(String url) {
        return url.startsWith(URL_PREFIX);
    }

    @Override
    public ServerSession connect(String url, Properties info) throws SQLException {
        String name = ConnectionUrl.parse(url).memoryName();
        FakeDatabase database = FakeDatabase.named(name);
        if (database == null) {
            throw SqlExceptionFactory.create(SqlStates.UNABLE_TO_CONNECT, "no fake database " + name);
        }
        return database.openSession(url, info);
    }
}
