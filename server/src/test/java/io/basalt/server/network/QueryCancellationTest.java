package io.basalt.server.network;

import io.basalt.execution.pipeline.WorkerPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A query timeout stops work inside one long operator: a nested-loop join of two 100,000-row tables whose
 * condition never holds (10^10 pairs, no row ever reaches the consumer) fails with 57014, and the worker
 * threads stop, over the network and embedded. The only time bound is the test's timeout, which tells a
 * hang (the old behaviour: the join ran to its end) from a stop.
 */
class QueryCancellationTest {

    private static final int ROWS = 100_000;
    private static final String NEVER_MATCHING_CROSS_JOIN =
            "SELECT count(*) FROM side_a a, side_b b WHERE a.id + b.id < 0";

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTimeoutStopsANestedLoopJoinOverTheNetwork() throws Exception {
        try (NetworkTestServer server = new NetworkTestServer(directory.resolve("network"));
             Connection connection = server.connect()) {
            timesOutAndLeavesTheWorkersIdle(connection);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTimeoutStopsANestedLoopJoinEmbedded() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:file:" + directory.resolve("embedded"))) {
            timesOutAndLeavesTheWorkersIdle(connection);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTimeoutStopsAHashJoinWithManyPairsPerKey() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:file:" + directory.resolve("hash"))) {
            createSides(connection);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(1);
                // Every row has key 0 on both sides: 10^10 equal-key pairs, none passing the residual condition.
                assertCancelled(statement, "SELECT count(*) FROM side_a a JOIN side_b b "
                        + "ON a.id * 0 = b.id * 0 AND a.id + b.id < 0");
            }
            awaitIdleWorkers();
        }
    }

    private static void timesOutAndLeavesTheWorkersIdle(Connection connection) throws Exception {
        createSides(connection);
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            assertCancelled(statement, NEVER_MATCHING_CROSS_JOIN);
        }
        awaitIdleWorkers();
        // The connection is usable and a smaller form of the same join runs to its answer.
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM side_a a, side_b b WHERE a.id < 100 AND b.id < 100 AND a.id + b.id < 10")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(55); // pairs (x, y) of naturals with x + y < 10
        }
    }

    /** The query's first row is where its failure arrives (the result streams): 57014, from the timeout. */
    private static void assertCancelled(Statement statement, String query) {
        assertThatThrownBy(() -> {
            try (ResultSet rows = statement.executeQuery(query)) {
                rows.next();
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
    }

    /** Waits until no worker thread runs a task; a join that ignored the cancel would keep them busy for hours. */
    private static void awaitIdleWorkers() throws InterruptedException {
        while (WorkerPool.activeWorkers() > 0) {
            Thread.sleep(20);
        }
    }

    /** Two tables of ids 0..99,999: 1,000 rows inserted, then multiplied by a join of the table with itself. */
    private static void createSides(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE thousand (id BIGINT)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO thousand VALUES (?)")) {
                for (int i = 0; i < 1000; i++) {
                    insert.setLong(1, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (String side : new String[] {"side_a", "side_b"}) {
                statement.execute("CREATE TABLE " + side + " AS SELECT high.id * 1000 + low.id AS id "
                        + "FROM thousand high, thousand low WHERE high.id < " + ROWS / 1000);
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + side)) {
                    count.next();
                    assertThat(count.getLong(1)).isEqualTo(ROWS);
                }
            }
        }
    }
}
