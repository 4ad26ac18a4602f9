package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.scan.KeyMembershipFilter;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.RowStore;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.type.PhysicalKind;

import java.util.List;

/**
 * Collects a hash join's build (right) input and indexes it by the join keys, once, for all probers. When the
 * rows outgrow the memory budget ({@link RowStore#tryAppend} fails) the build spills: from then on every
 * worker writes its rows, those it held and those still coming, to partition files ({@link PartitionedSpill}),
 * and the finish loads back what fits ({@link SpilledBuild}). A spilled build makes no key filter: the probe
 * scans then keep every row.
 */
public final class HashBuildSink extends MaterializeSink {

    private final int[] keyColumns;
    private final SpillSpace spillSpace;
    private volatile JoinHashTable table;
    /** Per key column: the probe scan's estimated rows when a filter of that key is wanted, else NaN. */
    private final double[] filterProbeRows;
    /** Per key column: its filter once the build side is complete, null where none is wanted or worth it. */
    private volatile KeyMembershipFilter[] keyFilters;
    private volatile PartitionedSpill spilling;
    private volatile boolean spilledNullKey;
    private volatile SpilledBuild spilled;

    public HashBuildSink(List<PhysicalKind> kinds, int[] keyColumns, MemoryReservation memory, SpillSpace spillSpace) {
        super(kinds, memory);
        this.keyColumns = keyColumns.clone();
        this.spillSpace = spillSpace;
        this.filterProbeRows = new double[keyColumns.length];
        java.util.Arrays.fill(filterProbeRows, Double.NaN);
    }

    @Override
    public SinkWriter createWriter() {
        return new SinkWriter() {
            /** This worker's rows in memory, null once they were spilled. */
            private RowStore rows = newPart();

            @Override
            public void consume(long sequence, ColumnBatch batch) {
                if (spilling == null && rows.tryAppend(batch)) {
                    return;
                }
                PartitionedSpill spill = startSpilling();
                if (rows != null) {
                    forgetPart(rows);
                    spill(spill, rows);
                    rows = null;
                }
                spill(spill, batch);
            }
        };
    }

    private synchronized PartitionedSpill startSpilling() {
        if (spilling == null) {
            spilling = new PartitionedSpill(spillSpace, "hash join build side", kinds(),
                    new JoinPartitioner(keyColumns, 0), memory());
        }
        return spilling;
    }

    /** Writes a worker's rows held so far to the partition files and gives their memory back. */
    private void spill(PartitionedSpill spill, RowStore rows) {
        for (ColumnBatch batch : rows.batches()) {
            spill(spill, batch);
        }
        rows.release();
    }

    private void spill(PartitionedSpill spill, ColumnBatch batch) {
        if (!spilledNullKey && hasNullKey(batch)) {
            spilledNullKey = true;
        }
        spill.write(batch);
    }

    private boolean hasNullKey(ColumnBatch batch) {
        ColumnVector[] keys = new ColumnVector[keyColumns.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = batch.column(keyColumns[k]);
        }
        for (int row = 0; row < batch.rowCount(); row++) {
            if (JoinHashTable.anyNull(keys, row)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Indexes the rows when they and their table fit in memory; otherwise (or when the build already spilled)
     * writes what is still in memory to the partition files and loads back the partitions that fit.
     */
    @Override
    public void finish(TaskRunner tasks) {
        List<RowStore> parts = takeParts();
        if (spilling == null) {
            RowStore rows = concatenateIfFits(parts);
            if (rows != null && fits(LoadedPartition.tableBytes(rows, keyColumns))) {
                index(rows, tasks);
                return;
            }
            parts = rows == null ? parts : List.of(rows);
        }
        PartitionedSpill spill = startSpilling();
        for (RowStore rows : parts) {
            spill(spill, rows);
        }
        spilled = SpilledBuild.load(spill.finish(), spilledNullKey, kinds(), keyColumns, memory(), tasks::checkCancelled);
    }

    /** The workers' rows in one store, or null when the copy does not fit (the parts are kept then). */
    private RowStore concatenateIfFits(List<RowStore> parts) {
        if (parts.isEmpty()) {
            return new RowStore(kinds(), memory());
        }
        long bytes = 0;
        for (RowStore part : parts) {
            bytes += part.reservedBytes();
        }
        // The parts hold their rows in exact-size chunks: the copy takes as many bytes again.
        return fits(bytes) ? RowStore.concatenate(kinds(), parts, memory()) : null;
    }

    /** Whether {@code bytes} more fit in the budget now; reserves nothing. Only the finish's thread reserves now. */
    private boolean fits(long bytes) {
        if (!memory().tryGrow(bytes)) {
            return false;
        }
        memory().shrink(bytes);
        return true;
    }

    private void index(RowStore rows, TaskRunner tasks) {
        table = JoinHashTable.build(rows, keyColumns, memory(), tasks::checkCancelled, tasks::runAll);
        KeyMembershipFilter[] filters = new KeyMembershipFilter[keyColumns.length];
        for (int key = 0; key < keyColumns.length; key++) {
            // A build side with as many distinct keys as the probe scan has rows keeps most of them (a key/foreign
            // key join): filling a filter for it costs more than the filter saves (TPC-H Q4: 1.5M keys, 8 % of the
            // query). With several key columns, the distinct keys are at least as many as one column's distinct values.
            if (Double.isNaN(filterProbeRows[key]) || table.distinctKeyCount() * 2.0 > filterProbeRows[key]) {
                continue;
            }
            // One key column: its distinct values; of several, the column's value in every build row (repeats
            // cost nothing, and a NULL row's value slot only adds a value that matches nothing).
            LongVector keys = (LongVector) (keyColumns.length == 1 ? table.distinctKeys()[0] : rows.column(keyColumns[key]));
            KeyMembershipFilter filter = KeyMembershipFilter.of(keys.values(), keys.positionCount());
            // Only a shortcut: without the memory for it the probe scans keep every row.
            if (memory().tryGrow(filter.bytes())) {
                filters[key] = filter;
            }
        }
        keyFilters = filters;
    }

    /**
     * Asks for a {@link KeyMembershipFilter} of the build side's values of key column {@code key}, for a scan on
     * the probe side to drop rows that cannot match, unless the build side has more than half as many distinct
     * keys as {@code probeRows} (the probe scan's estimated rows). Only for a LONG key column; may be asked for
     * several keys.
     */
    public void wantKeyFilter(int key, double probeRows) {
        if (kinds().get(keyColumns[key]) != PhysicalKind.LONG) {
            throw new IllegalStateException("a key filter needs a LONG key column");
        }
        filterProbeRows[key] = probeRows;
    }

    /** Key column {@code key}'s filter once the build side is complete (after {@link #wantKeyFilter}), else null. */
    public KeyMembershipFilter keyFilter(int key) {
        KeyMembershipFilter[] filters = keyFilters;
        return filters == null ? null : filters[key];
    }

    JoinHashTable table() {
        return table;
    }

    /** The build side split into partitions when it outgrew memory, else null; valid after the finish. */
    SpilledBuild spilled() {
        return spilled;
    }

    SpillSpace spillSpace() {
        return spillSpace;
    }

    @Override
    public synchronized void close() {
        table = null;
        keyFilters = null;
        spilled = null;
        PartitionedSpill spill = spilling;
        if (spill != null) {
            spill.close();
        }
        super.close();
    }
}
