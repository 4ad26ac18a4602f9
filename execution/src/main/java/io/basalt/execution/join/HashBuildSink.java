package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.storage.type.PhysicalKind;

import java.util.List;

/** Collects a hash join's build (right) input and indexes it by the join keys, once, for all probers. */
public final class HashBuildSink extends MaterializeSink {

    private final int[] keyColumns;
    private volatile JoinHashTable table;

    public HashBuildSink(List<PhysicalKind> kinds, int[] keyColumns, MemoryReservation memory) {
        super(kinds, memory);
        this.keyColumns = keyColumns.clone();
    }

    @Override
    public void finish(TaskRunner tasks) {
        super.finish(tasks);
        table = JoinHashTable.build(rows(), keyColumns, memory(), tasks::checkCancelled);
    }

    JoinHashTable table() {
        return table;
    }

    @Override
    public synchronized void close() {
        table = null;
        super.close();
    }
}
