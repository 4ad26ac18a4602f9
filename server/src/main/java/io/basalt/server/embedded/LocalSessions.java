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

    /** A session of {@code user}, who has logged in: its statements are checked against the user's privileges. */
    public static ServerSession open(Database database, String user) {
        return new EmbeddedServerSession(database.newSession(user), () -> { });
    }
}
