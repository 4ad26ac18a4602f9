package io.basalt.server.embedded;

import io.basalt.jdbc.BasaltStatement;
import io.basalt.jdbc.QueryProgress;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress scenario every transport must pass: embedded here, over the network in the network tests. */
public final class StreamingProgressCheck {

    /** 1,001,000 rows: 8 morsels of one segment, more than the result window of one worker lets run ahead. */
    public static final long ROWS = 1_001_000;

    private StreamingProgressCheck() {
    }

    /** A thousand rows, then a thousand times a thousand more: a table large enough for many scan morsels. */
    public static void createNumbers(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE numbers (n BIGINT)");
        StringJoiner values = new StringJoiner(", ", "INSERT INTO numbers VALUES ", "");
        for (int i = 0; i < 1000; i++) {
            values.add("(" + i + ")");
        }
        statement.execute(values.toString());
        statement.execute("INSERT INTO numbers SELECT a.n * 1000 + b.n FROM numbers a CROSS JOIN numbers b");
    }

    /**
     * Reads every row of {@code numbers} in small fetches, asking for progress every 100,000 rows: it is below 100%
     * at the first row, never goes down, grows, and is exactly every row at the end.
     */
    public static void progressGrowsWhileRowsStream(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            createNumbers(statement);
            statement.execute("SET threads = 1");
            statement.setFetchSize(1000);
            BasaltStatement basalt = statement.unwrap(BasaltStatement.class);

            List<QueryProgress> seen = new ArrayList<>();
            long rows = 0;
            try (ResultSet result = statement.executeQuery("SELECT n FROM numbers")) {
                while (result.next()) {
                    if (rows++ % 100_000 == 0) {
                        seen.add(basalt.progress());
                    }
                }
            }
            QueryProgress end = basalt.progress();

            assertThat(rows).isEqualTo(ROWS);
            assertThat(seen.get(0).countsKnown()).isTrue();
            assertThat(seen.get(0).rowsTotalEstimate()).isEqualTo(ROWS);
            // One worker runs at most two morsels ahead of the reader: the scan cannot be done at the first row.
            assertThat(seen.get(0).percent().getAsDouble()).isLessThan(100.0);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).rowsScanned()).isGreaterThanOrEqualTo(seen.get(i - 1).rowsScanned());
            }
            assertThat(seen.get(seen.size() - 1).rowsScanned()).isGreaterThan(seen.get(0).rowsScanned());
            assertThat(end.rowsScanned()).isEqualTo(ROWS);
            assertThat(end.percent().getAsDouble()).isEqualTo(100.0);
            assertThat(end.bytesScanned()).isPositive();
            assertThat(end.pipelinesFinished()).isEqualTo(end.pipelinesTotal()).isEqualTo(1);
            assertThat(end.elapsed()).isPositive();
        }
    }
}
