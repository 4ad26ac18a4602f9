package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillFileReader;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.storage.vector.ColumnBatch;

import java.util.List;

/**
 * The final aggregation of one partition of an aggregation that spilled: the partition's groups held in memory,
 * then its spilled rows added to them (hybrid again: rows of new keys that do not fit spill one level deeper),
 * the groups emitted and freed, and then each deeper partition aggregated the same way from an empty table.
 * Each level splits with other hash bits; after {@link SpillPartitions#MAX_DEPTH} levels the query fails with
 * 53200.
 */
final class PartitionAggregation {

    /** Groups per output batch: smaller than in memory, since memory is short downstream too (buffered results). */
    private static final int OUTPUT_ROWS = 2048;

    private final AggregationLayout layout;
    private final AggregationOutput output;
    private final SpillSpace space;
    private final MemoryReservation memory;
    private final Runnable cancellation;

    /**
     * @param memory       the aggregation's reservation: each table of a deeper level reserves through a child, and
     *                     the spill files of deeper levels are recorded there
     * @param cancellation fails with 57014 when the query was cancelled; checked before each spilled batch
     */
    PartitionAggregation(AggregationLayout layout, SpillSpace space, MemoryReservation memory, Runnable cancellation) {
        this.layout = layout;
        this.output = new AggregationOutput(layout);
        this.space = space;
        this.memory = memory;
        this.cancellation = cancellation;
    }

    /**
     * Adds the rows of {@code files} to {@code groups} (reserved through {@code groupsMemory}, which this closes),
     * pushes the groups to {@code consumer}, then does the same for the partitions the files' rows spilled to.
     *
     * @param depth the level of the files' partitions: 0 for the workers' spill files
     */
    void run(PartialAggregation groups, MemoryReservation groupsMemory, List<SpillFile> files, int depth,
             BatchConsumer consumer) {
        HybridAggregation table = new HybridAggregation(layout, groups, groupsMemory, space, SpillPartitions.FANOUT, depth + 1);
        SpillFile[] deeper;
        try {
            for (SpillFile file : files) {
                try (SpillFileReader reader = file.open()) {
                    for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                        cancellation.run();
                        table.addSpilled(batch);
                    }
                }
                file.delete();
            }
            deeper = table.spilled() == null ? new SpillFile[0] : table.spilled().finish();
            table.prepareEmission();
            output.emit(groups, groupsMemory, OUTPUT_ROWS, consumer);
        } finally {
            if (table.spilled() != null) {
                table.spilled().close();
            }
            groups.release();
            groupsMemory.close();
        }
        for (SpillFile file : deeper) {
            if (file != null) {
                memory.recordSpill(file.bytes(), file.rowCount()); // for EXPLAIN ANALYZE
                MemoryReservation tableMemory = memory.child();
                run(new PartialAggregation(layout, 16, true, tableMemory), tableMemory, List.of(file), depth + 1, consumer);
            }
        }
    }
}
