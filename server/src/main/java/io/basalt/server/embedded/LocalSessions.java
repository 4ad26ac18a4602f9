package io.basalt.server.embedded;

import io.basalt.jdbc.spi.ServerSession;
import io.basalt.server.Database;

/**
 * Sessions in the driver's SPI terms over a database this process holds open: the network server serves each client
 * through one, so a statement runs over the wire exactly as it runs embedded (same translations of values, results
 * and errors, same transaction hooks).
 */
public final class LocalSessions {

    private LocalSessions() {
    }

    public static ServerSession open(Database database) {
        return new EmbeddedServerSession(database, () -> { });
    }

    /** A session of a user who logged in (the network server's clients). */
    public static ServerSession open(Database database, String user) {
        return new EmbeddedServerSession(database, java.util.Optional.of(user), () -> { });
    }
}
