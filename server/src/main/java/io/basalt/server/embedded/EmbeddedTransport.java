package io.basalt.server.embedded;

import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.Transport;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The driver's in-process transport (registered as a {@code ServiceLoader} service): with {@code basalt.jar}
 * on the class path, {@code jdbc:basalt:file:DIR} and {@code jdbc:basalt:mem:[name]} open the database in
 * this JVM.
 */
public final class EmbeddedTransport implements Transport {

    @Override
    public boolean acceptsUrl(String url) {
        return url != null && (url.startsWith("jdbc:basalt:file:") || url.startsWith("jdbc:basalt:mem:"));
    }

    @Override
    public ServerSession connect(String url, Properties info) throws SQLException {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        try {
            DatabaseRegistry.Handle handle = parsed.kind() == ConnectionUrl.Kind.MEMORY
                    ? DatabaseRegistry.openMemory(parsed.memoryName())
                    : DatabaseRegistry.openDirectory(Path.of(parsed.directory()));
            return new EmbeddedServerSession(handle);
        } catch (StorageException e) {
            throw SqlExceptionFactory.create(e.sqlState(), e.getMessage(), e);
        } catch (IOException e) {
            throw SqlExceptionFactory.create("58030", "cannot create an in-memory database: " + e.getMessage(), e);
        }
    }
}
