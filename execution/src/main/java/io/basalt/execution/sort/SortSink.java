package io.basalt.execution.sort;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.BatchListSource;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.vector.RowStore;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY: each worker collects its rows and sorts them into a run on its own thread; the finish merges
 * the runs. As a top-N (a limit is set) a worker keeps only the best {@code offset + limit} rows, cutting
 * its buffer back whenever it holds twice that many, so memory stays proportional to N.
 */
public final class SortSink implements Sink {

    private final SortNode node;
    private final List<PhysicalKind> kinds;
    private final RowComparator comparator;
    private final MemoryReservation memory;
    private final long keep;
    private final List<SortedRun> runs = new ArrayList<>();
    private volatile List<ColumnBatch> output = List.of();
    private boolean closed;

    public SortSink(SortNode node, MemoryReservation memory) {
        this.node = node;
        this.kinds = node.output().stream().map(Column::type).map(type -> type.physicalKind()).toList();
        this.comparator = new RowComparator(node.keys(), kinds);
        this.memory = memory;
        this.keep = node.limit() < 0 ? -1 : saturatedAdd(node.offset(), node.limit());
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public SinkWriter createWriter() {
        return new RunWriter();
    }

    @Override
    public void finish(TaskRunner tasks) {
        List<SortedRun> all;
        synchronized (runs) {
            all = new ArrayList<>(runs);
            runs.clear();
        }
        List<ColumnBatch> batches = RunMerger.merge(all, comparator, kinds.size(), node.offset(), node.limit(), memory,
                tasks::checkCancelled);
        for (SortedRun run : all) {
            run.rows.release();
        }
        output = batches;
    }

    /** The sorted rows, in order, once the pipeline finished; closing it frees the sink. */
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

    /**
     * One worker's rows, sorted into a run when the worker is done. As a top-N it compacts to the best
     * {@code keep} rows in order, and from then on a row enters only if it sorts before the worst of them
     * (one comparison per row for most inputs).
     */
    private final class RunWriter implements SinkWriter {

        private RowStore rows = new RowStore(kinds, memory);
        /** Whether the first {@code keep} rows of {@link #rows} are the best so far, in order. */
        private boolean hasThreshold;

        @Override
        public void consume(long sequence, ColumnBatch batch) {
            if (keep == 0) {
                return;
            }
            if (hasThreshold) {
                batch = betterThanThreshold(batch);
                if (batch == null) {
                    return;
                }
            }
            rows.append(batch);
            if (keep > 0 && rows.rowCount() > Math.max(2 * keep, 4096) && keep < Integer.MAX_VALUE / 4) {
                compact();
            }
        }

        private ColumnBatch betterThanThreshold(ColumnBatch batch) {
            ColumnVector[] candidates = batch.columns().toArray(new ColumnVector[0]);
            ColumnVector[] kept = rows.columns();
            int threshold = (int) keep - 1;
            int[] better = new int[batch.rowCount()];
            int count = 0;
            for (int row = 0; row < batch.rowCount(); row++) {
                if (comparator.compare(candidates, row, kept, threshold) < 0) {
                    better[count++] = row;
                }
            }
            return count == 0 ? null : Selection.apply(batch, better, count);
        }

        /** Keeps only the best {@code keep} rows, in order. */
        private void compact() {
            SortedRun run = SortedRun.sort(rows, comparator, keep);
            RowStore kept = new RowStore(kinds, memory);
            ColumnVector[] columns = rows.columns();
            List<ColumnVector> selected = new ArrayList<>(columns.length);
            for (ColumnVector column : columns) {
                selected.add(VectorCopier.select(column, run.order, run.order.length));
            }
            kept.append(new ColumnBatch(run.order.length, selected));
            rows.release();
            rows = kept;
            hasThreshold = rows.rowCount() == keep;
        }

        @Override
        public void finish() {
            SortedRun run = SortedRun.sort(rows, comparator, keep);
            synchronized (runs) {
                runs.add(run);
            }
        }
    }
}
