package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.progress.ProgressSnapshot;
import io.basalt.execution.progress.ProgressTracker;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressTrackerTest {

    private static final int ROWS = 250_000;

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table table;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        table = database.create("items", 100_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT),
                ColumnDefinition.of("flag", LogicalType.BOOLEAN));
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < ROWS; id++) {
            rows.add(Results.row(id, id >= 120_000 && id < 130_000));
        }
        table.append(rows);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ExecutionContext context(ProgressTracker progress) {
        ExecutionContext plain = database.context(2);
        return new ExecutionContext(plain.layout(), plain.snapshot(), 2, plain.memoryLimitBytes(), new AtomicBoolean(), progress);
    }

    @Test
    void nothingIsPlannedBeforeAQueryStarts() {
        assertThat(new ProgressTracker().snapshot()).isEqualTo(ProgressSnapshot.NONE);
    }

    @Test
    void aScanPlansEveryRowOfItsSegmentsAndCoversThemAllByTheEnd() {
        ProgressTracker progress = new ProgressTracker();
        try (ResultStream stream = QueryExecutor.execute(table.scan(0), context(progress))) {
            ProgressSnapshot planned = progress.snapshot();
            assertThat(planned.rowsTotal()).isEqualTo(ROWS);
            assertThat(planned.rowsScanned()).isZero();
            assertThat(planned.pipelinesTotal()).isEqualTo(1);
            assertThat(planned.pipelinesFinished()).isZero();

            long previous = 0;
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                long scanned = progress.snapshot().rowsScanned();
                assertThat(scanned).isGreaterThanOrEqualTo(previous);
                previous = scanned;
                assertThat(batch.rowCount()).isPositive();
            }
        }
        ProgressSnapshot end = progress.snapshot();
        assertThat(end.rowsScanned()).isEqualTo(ROWS);
        assertThat(end.rowsTotal()).isEqualTo(ROWS);
        assertThat(end.bytesScanned()).isPositive();
        assertThat(end.pipelinesFinished()).isEqualTo(1);
    }

    @Test
    void rowsRuledOutByZoneMapsCountAsScannedWithoutBytesRead() {
        ProgressTracker progress = new ProgressTracker();
        ColumnReference flag = new ColumnReference(1, LogicalType.BOOLEAN);
        List<List<Object>> rows = Results.collect(QueryExecutor.execute(table.scan(flag, 0, 1), context(progress)));

        assertThat(rows).hasSize(10_000);
        ProgressSnapshot end = progress.snapshot();
        assertThat(end.rowsScanned()).isEqualTo(ROWS).isEqualTo(end.rowsTotal());
        ProgressTracker fullProgress = new ProgressTracker();
        Results.collect(QueryExecutor.execute(table.scan(0, 1), context(fullProgress)));
        assertThat(end.bytesScanned()).isLessThan(fullProgress.snapshot().bytesScanned());
    }

    @Test
    void segmentsWithoutLiveRowsCountAsScanned() {
        table.delete(row -> (Long) row.get(0) < 100_000);
        ProgressTracker progress = new ProgressTracker();

        Results.collect(QueryExecutor.execute(table.scan(0), context(progress)));

        assertThat(progress.snapshot().rowsScanned()).isEqualTo(progress.snapshot().rowsTotal());
    }

    @Test
    void oneTrackerSumsEveryQueryOfTheStatement() {
        ProgressTracker progress = new ProgressTracker();
        Results.collect(QueryExecutor.execute(table.scan(0), context(progress)));
        Results.collect(QueryExecutor.execute(table.scan(1), context(progress)));

        ProgressSnapshot end = progress.snapshot();
        assertThat(end.rowsTotal()).isEqualTo(2L * ROWS);
        assertThat(end.rowsScanned()).isEqualTo(2L * ROWS);
        assertThat(end.pipelinesFinished()).isEqualTo(2).isEqualTo(end.pipelinesTotal());
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new ProgressSnapshot(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProgressTracker().pipelinesPlanned(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
