package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.scan.KeyMembershipFilter;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.type.PhysicalKind;

import java.util.List;

/** Collects a hash join's build (right) input and indexes it by the join keys, once, for all probers. */
public final class HashBuildSink extends MaterializeSink {

    private final int[] keyColumns;
    private volatile JoinHashTable table;
    private volatile boolean keyFilterWanted;
    private volatile int keyFilterKey;
    private volatile double probeRows;
    private volatile KeyMembershipFilter keyFilter;

    public HashBuildSink(List<PhysicalKind> kinds, int[] keyColumns, MemoryReservation memory) {
        super(kinds, memory);
        this.keyColumns = keyColumns.clone();
    }

    @Override
    public void finish(TaskRunner tasks) {
        super.finish(tasks);
        table = JoinHashTable.build(rows(), keyColumns, memory(), tasks::checkCancelled);
        // A build side with as many distinct keys as the probe scan has rows keeps most of them (a key/foreign
        // key join): filling a filter for it costs more than the filter saves (TPC-H Q4: 1.5M keys, 8 % of the query).
        // With several key columns, the distinct keys are at least as many as one column's distinct values.
        if (keyFilterWanted && table.distinctKeyCount() * 2.0 <= probeRows) {
            // One key column: its distinct values; of several, the filtered column's value in every build row
            // (repeats cost nothing, and a NULL row's value slot only adds a value that matches nothing).
            LongVector keys = (LongVector) (keyColumns.length == 1 ? table.distinctKeys()[0] : rows().column(keyColumns[keyFilterKey]));
            KeyMembershipFilter filter = KeyMembershipFilter.of(keys.values(), keys.positionCount());
            memory().grow(filter.bytes());
            keyFilter = filter;
        }
    }

    /**
     * Asks for a {@link KeyMembershipFilter} of the build side's values of key column {@code key}, for a scan on
     * the probe side to drop rows that cannot match, unless the build side has more than half as many distinct
     * keys as {@code probeRows} (the probe scan's estimated rows). Only for a LONG key column.
     */
    public void wantKeyFilter(int key, double probeRows) {
        if (kinds().get(keyColumns[key]) != PhysicalKind.LONG) {
            throw new IllegalStateException("a key filter needs a LONG key column");
        }
        this.probeRows = probeRows;
        keyFilterKey = key;
        keyFilterWanted = true;
    }

    /** The build keys' filter once the build side is complete (after {@link #wantKeyFilter}), else null. */
    public KeyMembershipFilter keyFilter() {
        return keyFilter;
    }

    JoinHashTable table() {
        return table;
    }

    @Override
    public synchronized void close() {
        table = null;
        keyFilter = null;
        super.close();
    }
}
