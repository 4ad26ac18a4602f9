package io.basalt.execution.window;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.BatchListSource;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.plan.WindowNode;
import io.basalt.execution.vector.RowStore;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * A window operator (a pipeline breaker). Each worker splits its rows into buckets by a hash of the partition keys,
 * so a partition lies in exactly one bucket; the finish then sorts each bucket and computes its window functions as
 * an independent task, the buckets in parallel. Without PARTITION BY there is one bucket (one task).
 */
public final class WindowSink implements Sink {

    private final WindowComputation computation;
    private final int[] partitionKeys;
    private final int bucketCount;
    private final MemoryReservation memory;
    private final List<RowStore[]> writerBuckets = new ArrayList<>();
    private volatile List<ColumnBatch> output = List.of();
    private boolean closed;

    public WindowSink(WindowNode node, int parallelism, MemoryReservation memory) {
        this.computation = new WindowComputation(node);
        this.partitionKeys = node.partitionKeys();
        // A few buckets per worker even out partitions of different sizes.
        this.bucketCount = partitionKeys.length == 0 || parallelism <= 1 ? 1 : 4 * parallelism;
        this.memory = memory;
    }

    @Override
    public SinkWriter createWriter() {
        RowStore[] buckets = new RowStore[bucketCount];
        for (int b = 0; b < bucketCount; b++) {
            buckets[b] = new RowStore(computation.kinds(), memory);
        }
        synchronized (writerBuckets) {
            writerBuckets.add(buckets);
        }
        return new BucketWriter(buckets);
    }

    @Override
    public void finish(TaskRunner tasks) {
        List<RowStore[]> all;
        synchronized (writerBuckets) {
            all = new ArrayList<>(writerBuckets);
            writerBuckets.clear();
        }
        List<List<ColumnBatch>> results = new ArrayList<>();
        List<Runnable> work = new ArrayList<>();
        for (int b = 0; b < bucketCount; b++) {
            List<RowStore> parts = new ArrayList<>();
            for (RowStore[] buckets : all) {
                parts.add(buckets[b]);
            }
            List<ColumnBatch> bucketOutput = new ArrayList<>();
            results.add(bucketOutput);
            work.add(() -> {
                RowStore rows = parts.isEmpty() ? new RowStore(computation.kinds(), memory)
                        : RowStore.concatenate(computation.kinds(), parts, memory);
                bucketOutput.addAll(computation.compute(rows, memory));
            });
        }
        tasks.runAll(work);
        List<ColumnBatch> batches = new ArrayList<>();
        for (List<ColumnBatch> result : results) {
            batches.addAll(result);
        }
        output = batches;
    }

    /** The rows with their window columns once the pipeline finished; closing it frees the sink. */
    public MorselSource output() {
        return new BatchListSource(() -> output, this);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            output = List.of();
            memory.close();
        }
    }

    /** One worker's rows, split into buckets by partition-key hash. */
    private final class BucketWriter implements SinkWriter {

        private final RowStore[] buckets;

        BucketWriter(RowStore[] buckets) {
            this.buckets = buckets;
        }

        @Override
        public void consume(long sequence, ColumnBatch batch) {
            if (bucketCount == 1) {
                buckets[0].append(batch);
                return;
            }
            int rowCount = batch.rowCount();
            long[] hashes = KeyHashing.hashRows(batch, partitionKeys);
            int[] counts = new int[bucketCount];
            int[] bucketOfRow = new int[rowCount];
            for (int row = 0; row < rowCount; row++) {
                int bucket = (int) Long.remainderUnsigned(KeyHashing.mix(hashes[row]), bucketCount);
                bucketOfRow[row] = bucket;
                counts[bucket]++;
            }
            for (int bucket = 0; bucket < bucketCount; bucket++) {
                if (counts[bucket] == 0) {
                    continue;
                }
                int[] rows = new int[counts[bucket]];
                int count = 0;
                for (int row = 0; row < rowCount; row++) {
                    if (bucketOfRow[row] == bucket) {
                        rows[count++] = row;
                    }
                }
                buckets[bucket].append(count == rowCount ? batch : Selection.apply(batch, rows, count));
            }
        }

        @Override
        public void finish() {
        }
    }
}
