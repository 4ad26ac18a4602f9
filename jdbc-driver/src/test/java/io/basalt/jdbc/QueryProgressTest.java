package io.basalt.jdbc;

import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.jdbc.testing.FakeDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryProgressTest {

    private static final Duration ELAPSED = Duration.ofMillis(1500);

    @Test
    void percentIsRowsScannedOfTheEstimate() {
        QueryProgress progress = QueryProgress.of(new ProgressReport(250, 1000, 4096, 0, 2), ELAPSED);

        assertThat(progress.percent()).hasValue(25.0);
        assertThat(progress.rowsScanned()).isEqualTo(250);
        assertThat(progress.rowsTotalEstimate()).isEqualTo(1000);
        assertThat(progress.bytesScanned()).isEqualTo(4096);
        assertThat(progress.elapsed()).isEqualTo(ELAPSED);
        assertThat(progress.countsKnown()).isTrue();
    }

    @Test
    void percentNeverPassesAHundred() {
        assertThat(QueryProgress.of(new ProgressReport(1200, 1000, 0, 1, 1), ELAPSED).percent()).hasValue(100.0);
        assertThat(QueryProgress.of(new ProgressReport(1000, 1000, 0, 1, 1), ELAPSED).percent()).hasValue(100.0);
    }

    @Test
    void withoutScannedTablesPipelinesMeasureTheWork() {
        assertThat(QueryProgress.of(new ProgressReport(0, 0, 0, 1, 4), ELAPSED).percent()).hasValue(25.0);
        assertThat(QueryProgress.of(new ProgressReport(0, 0, 0, 0, 0), ELAPSED).percent()).isEmpty();
    }

    @Test
    void anOldServerLeavesOnlyTheElapsedTime() {
        QueryProgress progress = QueryProgress.unknown(ELAPSED);

        assertThat(progress.countsKnown()).isFalse();
        assertThat(progress.percent()).isEmpty();
        assertThat(progress.rowsScanned()).isZero();
        assertThat(progress.elapsed()).isEqualTo(ELAPSED);
        assertThat(progress.toString()).contains("counts unknown");
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new ProgressReport(0, -1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryProgress.unknown(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aSessionThatCannotReportProgressLeavesTheElapsedTime() throws SQLException {
        FakeDatabase database = FakeDatabase.create();
        database.answer(execution -> ExecutionResult.updateCount(1));
        try (Connection connection = DriverManager.getConnection(database.url());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert something");

            QueryProgress progress = statement.unwrap(BasaltStatement.class).progress();

            assertThat(progress.countsKnown()).isFalse();
            assertThat(progress.percent()).isEmpty();
            assertThat(progress.elapsed().isNegative()).isFalse();
        }
    }

    @Test
    void aClosedStatementHasNoProgress() throws SQLException {
        FakeDatabase database = FakeDatabase.create();
        try (Connection connection = DriverManager.getConnection(database.url())) {
            Statement statement = connection.createStatement();
            statement.close();

            assertThatThrownBy(() -> statement.unwrap(BasaltStatement.class).progress())
                    .isInstanceOf(SQLException.class).hasMessageContaining("closed");
        }
    }
}
