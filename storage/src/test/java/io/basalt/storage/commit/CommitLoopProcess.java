package io.basalt.storage.commit;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.maintenance.Compactor;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.table.TableReader;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;

import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link CrashRecoveryTest}: commits forever until killed, printing {@code ACK n}
 * after commit {@code n} returned. Commit {@code n} appends {@link #rowsOf(long)} rows tagged {@code n};
 * every third commit also deletes the rows of commit {@code n - 3} in the same transaction; now and then
 * it compacts or vacuums, so a kill can land in any of those.
 */
public final class CommitLoopProcess {

    static final String TABLE = "events";

    private CommitLoopProcess() {
    }

    static long rowsOf(long commit) {
        return 1 + (commit * 7919) % 300;
    }

    static boolean deletesEarlier(long commit) {
        return commit % 3 == 0 && commit >= 3;
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long tableId = engine.current().table(Manifest.DEFAULT_SCHEMA, TABLE).map(TableEntry::tableId)
                    .orElseGet(() -> createTable(engine));
            long next = maxCommit(engine, tableId) + 1;
            System.out.println("READY " + next);
            System.out.flush();
            for (long commit = next; ; commit++) {
                try (Transaction transaction = engine.begin()) {
                    TableAppender appender = new TableAppender(transaction, tableId);
                    appender.append(batch(commit));
                    appender.finish();
                    if (deletesEarlier(commit)) {
                        TestTables.deleteKeys(engine, transaction, tableId, java.util.Set.of(commit - 3));
                    }
                    transaction.commit();
                }
                System.out.println("ACK " + commit);
                System.out.flush();
                if (commit % 7 == 0) {
                    Compactor.compact(engine, tableId);
                }
                if (commit % 11 == 0) {
                    engine.vacuum(3);
                }
            }
        }
    }

    private static long createTable(StorageEngine engine) {
        try (Transaction transaction = engine.begin()) {
            TableDefinition definition = new TableDefinition(Manifest.DEFAULT_SCHEMA, TABLE,
                    List.of(ColumnDefinition.notNull("commit_no", LogicalType.BIGINT), ColumnDefinition.of("payload", LogicalType.TEXT)),
                    List.of(), TableOptions.DEFAULT.withTargetSegmentRows(400));
            long id = transaction.createTable(definition);
            transaction.commit();
            return id;
        }
    }

    static ColumnBatch batch(long commit) {
        int rows = (int) rowsOf(commit);
        LongVector commits = new LongVector(rows);
        BytesVector payloads = new BytesVector(rows, rows * 24);
        for (int i = 0; i < rows; i++) {
            commits.append(commit);
            if (i % 10 == 9) {
                payloads.appendNull();
            } else {
                payloads.append("commit " + commit + " row " + i);
            }
        }
        return new ColumnBatch(rows, List.of(commits, payloads));
    }

    private static long maxCommit(StorageEngine engine, long tableId) {
        long[] max = {0};
        try (Snapshot snapshot = engine.snapshot()) {
            TableReader.scan(engine.layout(), snapshot.manifest(), tableId, new int[] {0}, batch -> {
                LongVector commits = (LongVector) batch.column(0);
                for (int i = 0; i < batch.rowCount(); i++) {
                    max[0] = Math.max(max[0], commits.get(i));
                }
            });
        }
        return max[0];
    }
}
