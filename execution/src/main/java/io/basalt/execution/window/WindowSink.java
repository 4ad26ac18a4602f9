package io.basalt.execution.window;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.ResultCollector;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.WindowNode;
import io.basalt.execution.sort.SortSink;
import io.basalt.execution.spill.SpillSpace;

/**
 * A window operator (a pipeline breaker). Its input goes through an external sort by partition keys, then order keys
 * ({@link SortSink}: each worker sorts a run, spilling runs to disk when memory runs out, and the output merges
 * them); the output then reads the sorted rows in chunks of whole partitions and computes each chunk's window
 * functions on a worker ({@link WindowChunks}). Memory holds the sort's runs or merge, the chunks in flight and the
 * current partition: a window query over more rows than the budget spills, and only a single partition larger than
 * what is left of the budget fails (53200, naming the partition).
 */
public final class WindowSink implements Sink {

    private final WindowComputation computation;
    private final SortSink sort;
    private final MemoryReservation memory;
    /** The chunks' share of {@link #memory} (the sort has the other). */
    private final MemoryReservation chunkMemory;
    private final int parallelism;
    private long chunkBytes;
    private final PartitionNames names;
    private final Runnable cancellation;
    private boolean closed;

    /**
     * @param memory       the sort's runs and the chunks reserve through children of it, so EXPLAIN ANALYZE shows
     *                     the window's memory and spilled bytes together
     * @param cancellation fails with 57014 when the query was cancelled
     */
    public WindowSink(WindowNode node, int parallelism, MemoryReservation memory, SpillSpace spillSpace,
                      Runnable cancellation) {
        this.computation = new WindowComputation(node);
        this.sort = new SortSink(new SortNode(node.input(), computation.sortKeys(), 0, -1, node.estimatedRows()),
                parallelism, memory.child(), spillSpace);
        this.memory = memory;
        this.chunkMemory = memory.child();
        this.parallelism = parallelism;
        // Chunks whose output is a result buffer's step: a window of them fits in what the buffer set aside.
        this.chunkBytes = ResultCollector.outputStepBytes(memory.limitBytes(), parallelism);
        this.names = new PartitionNames(node.partitionKeys(), node.input().output());
        this.cancellation = cancellation;
    }

    @Override
    public SinkWriter createWriter() {
        return sort.createWriter();
    }

    /**
     * Finishes the sort (which plans its merge with half of what is free), then sets memory aside for the chunks in
     * what is left: the chunks being computed on every worker, the next one and the current partition share it, so
     * that the operators the window's rows feed (another sort, which takes whatever is free) cannot starve them. With
     * little free it sets aside what it can, and the chunks get smaller.
     */
    @Override
    public void finish(TaskRunner tasks) {
        sort.finish(tasks);
        long wanted = (parallelism + 2L) * chunkBytes;
        for (long bytes = wanted; bytes >= parallelism + 2L; bytes /= 2) {
            if (chunkMemory.trySetAside(bytes)) {
                synchronized (this) {
                    chunkBytes = bytes / (parallelism + 2L);
                }
                break;
            }
        }
    }

    /** The rows with their window columns, in partition and order key order, once the pipeline finished. */
    public MorselSource output() {
        return new WindowChunks(sort, computation, chunkMemory, this::chunkBytes, names, cancellation, this::close);
    }

    private synchronized long chunkBytes() {
        return chunkBytes;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            sort.close();
            memory.close(); // the chunks' share too
        }
    }
}
