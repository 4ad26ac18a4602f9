package io.basalt.storage.commit;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.segment.BlockCache;
import io.basalt.storage.segment.SegmentReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.basalt.storage.commit.TestTables.append;
import static io.basalt.storage.commit.TestTables.createKeyValueTable;
import static io.basalt.storage.commit.TestTables.keyValues;
import static org.assertj.core.api.Assertions.assertThat;

/** Vacuum deleting a segment file takes its blocks out of the engine's block cache at once. */
class VacuumBlockCacheTest {

    @TempDir
    Path directory;

    @Test
    void theBlocksOfAVacuumedSegmentLeaveTheCache() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 1000);
            try (Transaction transaction = engine.begin()) {
                append(transaction, table, keyValues(0, 500, 1));
                transaction.commit();
            }
            TableEntry entry = engine.current().table(table).orElseThrow();
            SegmentEntry segment = entry.allSegments().get(0);
            Path file = engine.layout().segmentFile(table, entry.partitions().get(0).partitionId(), segment.segmentId());
            BlockCache cache = engine.blockCache();
            try (SegmentReader reader = SegmentReader.open(file, cache)) {
                for (int column = 0; column < reader.footer().columns().size(); column++) {
                    reader.readColumn(column);
                }
            }
            assertThat(cache.blockCount()).isPositive();

            engine.vacuum(1); // the segment is still the current version's: nothing leaves
            assertThat(cache.blockCount()).isPositive();

            try (Transaction transaction = engine.begin()) {
                transaction.truncate(table);
                transaction.commit();
            }
            engine.vacuum(1);

            assertThat(file).doesNotExist();
            assertThat(cache.blockCount()).isZero();
            assertThat(cache.heldBytes()).isZero();
        }
    }
}
