package io.basalt.storage.commit;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.commit.TestTables;
import io.basalt.storage.maintenance.Compactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.basalt.storage.commit.TestTables.append;
import static io.basalt.storage.commit.TestTables.createKeyValueTable;
import static io.basalt.storage.commit.TestTables.keyValues;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers scan while a writer commits "transfers" that keep an invariant (the sum of values and the row
 * count never change) and maintenance compacts and vacuums underneath. Every scan of a pinned snapshot
 * must see the invariant hold: one consistent version, never a mix of two, never a vanished file.
 */
class SnapshotConsistencyTest {

    private static final int ROWS = 400;
    private static final long TOTAL = ROWS * 10L;

    @TempDir
    Path directory;

    @Test
    void readersAlwaysSeeOneConsistentVersion() throws Exception {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "accounts", 150);
            try (Transaction transaction = engine.begin()) {
                append(transaction, table, keyValues(0, ROWS, 10));
                transaction.commit();
            }
            AtomicBoolean stop = new AtomicBoolean();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            AtomicInteger scans = new AtomicInteger();
            Set<Long> versionsSeen = ConcurrentHashMap.newKeySet();
            Thread[] readers = new Thread[2];
            for (int r = 0; r < readers.length; r++) {
                readers[r] = new Thread(() -> {
                    while (!stop.get()) {
                        try (Snapshot snapshot = engine.snapshot()) {
                            List<long[]> rows = TestTables.rows(engine, snapshot.manifest(), table);
                            long sum = rows.stream().mapToLong(row -> row[1]).sum();
                            if (rows.size() != ROWS || sum != TOTAL) {
                                failures.add(new AssertionError("version " + snapshot.version() + ": " + rows.size()
                                        + " rows summing to " + sum));
                            }
                            versionsSeen.add(snapshot.version());
                            scans.incrementAndGet();
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }
                });
                readers[r].start();
            }
            for (int round = 0; round < 60 && failures.isEmpty(); round++) {
                transfer(engine, table, round);
                if (round % 5 == 4) {
                    Compactor.compact(engine, table);
                    engine.vacuum(1);
                }
            }
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(failures).isEmpty();
            assertThat(scans.get()).isGreaterThan(10);
            assertThat(versionsSeen.size()).as("readers saw many versions").isGreaterThan(5);
        }
    }

    /** Moves value between two rows: delete both, re-insert them with the amounts changed. */
    private static void transfer(StorageEngine engine, long table, int round) {
        try (Transaction transaction = engine.begin()) {
            List<long[]> rows = TestTables.rows(engine, transaction.view(), table);
            long[] from = rows.get(round % rows.size());
            long[] to = rows.get((round * 7 + 3) % rows.size());
            if (from[0] == to[0]) {
                return;
            }
            TestTables.deleteKeys(engine, transaction, table, Set.of(from[0], to[0]));
            var keys = new io.basalt.storage.vector.LongVector(2);
            var values = new io.basalt.storage.vector.LongVector(2);
            keys.append(from[0]);
            values.append(from[1] - 3);
            keys.append(to[0]);
            values.append(to[1] + 3);
            append(transaction, table, new io.basalt.storage.vector.ColumnBatch(2, List.of(keys, values)));
            transaction.commit();
        }
    }
}
