package io.basalt.jdbc;

import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.testing.FakeDatabase;
import io.basalt.jdbc.testing.WholeBatchHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session that runs a whole batch in one call gets it so; its all-or-nothing failure reports no counts. */
class WholeBatchTest {

    private final FakeDatabase database = FakeDatabase.create();
    private final Connection connection;
    private final WholeBatchHandle[] handle = new WholeBatchHandle[1];

    WholeBatchTest() throws SQLException {
        database.prepareWith((session, sql) -> handle[0] = new WholeBatchHandle(session, sql));
        connection = DriverManager.getConnection(database.url());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private PreparedStatement twoEntries() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("insert into t values (?, ?)");
        statement.setInt(1, 1);
        statement.setString(2, "one");
        statement.addBatch();
        statement.setLong(1, 2L);
        statement.setString(2, null);
        statement.addBatch();
        return statement;
    }

    @Test
    void theWholeBatchGoesToTheSessionInOneCall() throws SQLException {
        PreparedStatement statement = twoEntries();

        assertThat(statement.executeBatch()).containsExactly(1, 1);

        List<List<List<Object>>> batches = handle[0].batches();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get(0)).isEqualTo(Arrays.<Object>asList(1, "one"));
        assertThat(batches.get(0).get(1).get(0)).isEqualTo(2L);
        assertThat(database.executions()).as("no entry ran on its own").isEmpty();
        assertThat(statement.executeBatch()).as("the batch was cleared").isEmpty();
        assertThat(handle[0].batches()).hasSize(1);
    }

    @Test
    void aFailedWholeBatchAppliedNothing() throws SQLException {
        PreparedStatement statement = twoEntries();
        handle[0].failWith(SqlExceptionFactory.create("22001", "batch entry 2: parameter $2: value too long"));

        assertThatThrownBy(statement::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22001");
            assertThat(e.getMessage()).isEqualTo("the batch failed and none of its 2 entries took effect: "
                    + "batch entry 2: parameter $2: value too long");
            assertThat(e.getLargeUpdateCounts()).isEmpty();
        });
    }
}
