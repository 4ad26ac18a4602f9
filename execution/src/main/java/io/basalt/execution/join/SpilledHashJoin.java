package io.basalt.execution.join;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillFileReader;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The probe side of a hash join whose build side spilled ({@link SpilledBuild}). Each probe row goes by its
 * key's partition either to that partition's table in memory, joining at once, or to the partition's probe
 * spill file. After the probe input ends, the spilled partitions are joined pair by pair, in bounded steps
 * ({@link #finishStep}): the build partition read back and indexed, the probe partition streamed through it,
 * then (RIGHT, FULL, RIGHT_ANTI) its unmatched or (RIGHT_SEMI) matched build rows.
 * A build partition that still does not fit is split again together with its probe partition, with the next
 * level's hash seed, at most {@link #MAX_LEVEL} times; past that the query fails with 53200.
 *
 * <p>Every join type stays exact because rows with equal keys share a partition at every level: a probe row
 * meets all its candidate build rows in one table, and a build row all its candidate probe rows. NOT IN needs
 * two facts about the whole build side, which are decided before partitioning: a NULL build key removes every
 * probe row, and a NULL probe key is removed (the build side is not empty, or it would not have spilled).
 */
final class SpilledHashJoin implements AutoCloseable {

    /** Re-partitionings of one partition before giving up: 16^4 times fewer rows, unless they share a key. */
    static final int MAX_LEVEL = 4;

    /**
     * Probe rows one final step joins. Each step's output waits in the consumer's buffer until it is read, next
     * to a few more steps' and the current partition: small steps keep that well inside a small memory limit.
     */
    private static final int STEP_ROWS = 1 << 10;

    private final HashJoinOperator operator;
    private final HashJoinNode node;
    private final SpilledBuild build;
    private final List<PhysicalKind> buildKinds;
    private final List<PhysicalKind> probeKinds;
    private final MemoryReservation memory;
    private final SpillSpace space;
    private final Runnable cancellation;
    private final JoinPartitioner probePartitioner;
    private final JoinOutput[] residentOutputs = new JoinOutput[JoinPartitioner.PARTITIONS];
    private final PartitionedSpill probeSpill;
    /** Spilled pairs still to join, next first; touched by one final step at a time. */
    private final Deque<PartitionPair> pending = new ArrayDeque<>();
    private boolean started;
    private PartitionPair currentPair;
    private LoadedPartition current;
    private JoinOutput currentOutput;
    private SpillFileReader currentProbe;

    SpilledHashJoin(HashJoinOperator operator, HashJoinNode node, SpilledBuild build, List<PhysicalKind> buildKinds,
                    List<PhysicalKind> probeKinds, MemoryReservation memory, SpillSpace space, Runnable cancellation) {
        if (node.nullAwareAnti() && (node.leftKeys().length > 1 || node.residual().isPresent())) {
            throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED, "not supported yet: NOT IN over "
                    + (node.leftKeys().length > 1 ? "several columns" : "a correlated subquery")
                    + " whose rows exceed the memory limit (a hash join that spills to disk)");
        }
        this.operator = operator;
        this.node = node;
        this.build = build;
        this.buildKinds = List.copyOf(buildKinds);
        this.probeKinds = List.copyOf(probeKinds);
        this.memory = memory;
        this.space = space;
        this.cancellation = cancellation;
        this.probePartitioner = new JoinPartitioner(node.leftKeys(), 0);
        for (int p = 0; p < residentOutputs.length; p++) {
            JoinHashTable table = build.table(p);
            if (table != null) {
                residentOutputs[p] = operator.newOutput(table.rows());
            }
        }
        this.probeSpill = new PartitionedSpill(space, "hash join probe side", probeKinds, probePartitioner, memory);
    }

    /** Joins the rows of resident partitions, spills the others; called by every worker at once. */
    void process(ColumnBatch input, BatchConsumer consumer) {
        if (node.nullAwareAnti()) {
            if (build.anyNullKey()) {
                return; // x NOT IN (a set holding NULL) is never TRUE
            }
            input = withoutNullKeys(input); // NULL NOT IN (a non-empty set) is never TRUE
        }
        ColumnBatch[] parts = probePartitioner.split(input);
        for (int p = 0; p < parts.length; p++) {
            if (parts[p] == null) {
                continue;
            }
            if (residentOutputs[p] != null) {
                operator.probe(parts[p], build.table(p), residentOutputs[p], consumer);
            } else {
                probeSpill.write(p, parts[p]);
            }
        }
    }

    private ColumnBatch withoutNullKeys(ColumnBatch input) {
        ColumnVector key = input.column(node.leftKeys()[0]);
        int[] kept = new int[input.rowCount()];
        int count = 0;
        for (int row = 0; row < input.rowCount(); row++) {
            if (!key.isNull(row)) {
                kept[count++] = row;
            }
        }
        return Selection.apply(input, kept, count);
    }

    /**
     * Emits the next part of the final rows, false once there are no more; one call at a time, after every probe
     * row was processed. The first step emits the resident partitions' unmatched build rows and frees them;
     * each later one joins up to {@link #STEP_ROWS} probe rows of a spilled partition, or ends the partition
     * with its unmatched build rows.
     */
    boolean finishStep(BatchConsumer consumer) {
        if (!started) {
            started = true;
            finishResident(consumer);
            return !pending.isEmpty();
        }
        while (current == null) {
            PartitionPair pair = pending.pollFirst();
            if (pair == null) {
                return false;
            }
            open(pair);
        }
        for (int rows = 0; rows < STEP_ROWS; ) {
            cancellation.run();
            ColumnBatch batch = currentProbe == null ? null : currentProbe.next();
            if (batch == null) {
                closeCurrent(consumer);
                return !pending.isEmpty();
            }
            operator.probe(batch, current.table(), currentOutput, consumer);
            rows += batch.rowCount();
        }
        return true;
    }

    private void finishResident(BatchConsumer consumer) {
        SpillFile[] probeFiles = probeSpill.finish();
        for (int p = 0; p < residentOutputs.length; p++) {
            if (residentOutputs[p] == null) {
                pending.addLast(new PartitionPair(build.file(p), probeFiles[p], 0));
            } else if (JoinOutput.tracksRightMatches(node.joinType())) {
                residentOutputs[p].emitFinalRight(consumer);
            }
            residentOutputs[p] = null;
        }
        build.releaseResident(memory);
    }

    /**
     * Makes {@code pair} the current partition when its build rows fit in memory, else splits it again and
     * queues the parts first. A pair that cannot produce rows is dropped.
     */
    private void open(PartitionPair pair) {
        cancellation.run();
        if (pair.probe() == null && (pair.build() == null || !JoinOutput.tracksRightMatches(node.joinType()))) {
            pair.delete();
            return;
        }
        LoadedPartition loaded = LoadedPartition.loadIfFits(pair.build(), buildKinds, node.rightKeys(), memory, cancellation);
        if (loaded == null) {
            splitAgain(pair);
            return;
        }
        current = loaded;
        currentPair = pair;
        currentOutput = operator.newOutput(loaded.table().rows());
        currentProbe = pair.probe() == null ? null : pair.probe().open();
    }

    /** The current partition's probe rows are all joined: its unmatched build rows, then its memory and files go. */
    private void closeCurrent(BatchConsumer consumer) {
        if (JoinOutput.tracksRightMatches(node.joinType())) {
            currentOutput.emitFinalRight(consumer);
        }
        releaseCurrent();
        currentPair.delete();
        currentPair = null;
    }

    private void releaseCurrent() {
        if (currentProbe != null) {
            currentProbe.close();
            currentProbe = null;
        }
        if (current != null) {
            current.release(memory);
            current = null;
        }
        currentOutput = null;
    }

    private void splitAgain(PartitionPair pair) {
        if (pair.build() == null) {
            throw new ExecutionException(ExecutionException.OUT_OF_MEMORY, "query exceeded its memory limit while joining:"
                    + " no memory is left for even an empty hash table of a spilled partition");
        }
        if (pair.level() == MAX_LEVEL) {
            throw new ExecutionException(ExecutionException.OUT_OF_MEMORY, "query exceeded its memory limit while joining: "
                    + pair.build().rowCount() + " rows of a hash join's build side still do not fit in memory after "
                    + MAX_LEVEL + " re-partitionings by their key (too many rows share one join key value)");
        }
        int next = pair.level() + 1;
        SpillFile[] buildParts = split(pair.build(), buildKinds, node.rightKeys(), next, "hash join build side");
        SpillFile[] probeParts = pair.probe() == null ? new SpillFile[JoinPartitioner.PARTITIONS]
                : split(pair.probe(), probeKinds, node.leftKeys(), next, "hash join probe side");
        pair.delete();
        // Depth first: the parts are joined before the other pairs, so at most one pair's rows are on disk twice.
        for (int p = JoinPartitioner.PARTITIONS - 1; p >= 0; p--) {
            pending.addFirst(new PartitionPair(buildParts[p], probeParts[p], next));
        }
    }

    private SpillFile[] split(SpillFile file, List<PhysicalKind> kinds, int[] keyColumns, int level, String purpose) {
        try (PartitionedSpill parts = new PartitionedSpill(space, purpose, kinds, new JoinPartitioner(keyColumns, level), memory);
             SpillFileReader reader = file.open()) {
            for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                cancellation.run();
                parts.write(batch);
            }
            return parts.finish();
        }
    }

    /** A spilled build partition and the probe rows of the same keys (either may be null: no rows). */
    private record PartitionPair(SpillFile build, SpillFile probe, int level) {

        void delete() {
            if (build != null) {
                build.delete();
            }
            if (probe != null) {
                probe.delete();
            }
        }
    }

    /** Closes what a failed or stopped query left open; the spill space deletes the files. */
    @Override
    public void close() {
        probeSpill.close();
        releaseCurrent();
    }
}
