package io.basalt.server.embedded;

import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.Transport;
import io.basalt.server.Session;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.warmup.JitWarmUp;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The driver's in-process transport (registered as a {@code ServiceLoader} service): with {@code basalt.jar}
 * on the class path, {@code jdbc:basalt:file:DIR} and {@code jdbc:basalt:mem:[name]} open the database in
 * this JVM. The property {@code memory_limit} (e.g. {@code jdbc:basalt:file:DIR?memory_limit=8GB}) sets the session's
 * memory limit and what {@code SET memory_limit TO DEFAULT} restores. The property {@code warm_up=true} warms the
 * JIT up ({@link JitWarmUp}, once per process, about 10 s) before the connection opens.
 */
public final class EmbeddedTransport implements Transport {

    /** The connection property (or URL parameter) giving the session's memory limit, as {@code SET memory_limit} does. */
    static final String MEMORY_LIMIT = "memory_limit";

    /** The connection property (or URL parameter) that warms the JIT up first: {@code true} or {@code false}. */
    static final String WARM_UP = "warm_up";

    @Override
    public boolean acceptsUrl(String url) {
        return url != null && (url.startsWith("jdbc:basalt:file:") || url.startsWith("jdbc:basalt:mem:"));
    }

    @Override
    public ServerSession connect(String url, Properties info) throws SQLException {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        long memoryLimit = memoryLimit(info);
        if (warmUp(info)) {
            JitWarmUp.runOnce();
        }
        try {
            DatabaseRegistry.Handle handle = parsed.kind() == ConnectionUrl.Kind.MEMORY
                    ? DatabaseRegistry.openMemory(parsed.memoryName())
                    : DatabaseRegistry.openDirectory(Path.of(parsed.directory()));
            Session session = handle.database().newSession();
            if (memoryLimit > 0) {
                session.settings().useDefaultMemoryLimit(memoryLimit);
            }
            return new EmbeddedServerSession(session, handle::release);
        } catch (StorageException e) {
            throw SqlExceptionFactory.create(e.sqlState(), e.getMessage(), e);
        } catch (IOException e) {
            throw SqlExceptionFactory.create("58030", "cannot create an in-memory database: " + e.getMessage(), e);
        }
    }

    /** Whether the {@code warm_up} property asks for the warm-up (false when not given). */
    private static boolean warmUp(Properties info) throws SQLException {
        String text = info == null ? null : info.getProperty(WARM_UP);
        if (text == null || text.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (text.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw SqlExceptionFactory.create("22023", "connection property warm_up: expected true or false, got '" + text + "'");
    }

    /** The {@code memory_limit} property in bytes, 0 when not given. */
    private static long memoryLimit(Properties info) throws SQLException {
        String text = info == null ? null : info.getProperty(MEMORY_LIMIT);
        if (text == null) {
            return 0;
        }
        try {
            return SessionSettings.parseBytes(text);
        } catch (StatementException e) {
            throw SqlExceptionFactory.create(e.sqlState(), "connection property memory_limit: " + e.getMessage(), e);
        }
    }
}
