package io.basalt.execution.sort;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.ResultCollector;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.RowStore;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY: each worker collects its rows and sorts them into a run on its own thread; the output merges
 * the runs. When a worker's memory cannot grow ({@link MemoryReservation#tryGrow}), it sorts what it holds,
 * writes that as a run to a spill file, frees the memory and goes on (workers spill independently). If
 * anything was spilled, the finish writes the runs still in memory too and the output merges only files,
 * holding one batch per run; when there are more files than {@link #mergeFanIn} allows (at most
 * {@link #MAX_MERGE_RUNS}, fewer when the budget cannot hold a batch of each), groups of them are first merged
 * into longer runs. As a top-N (a limit is set, {@code offset + limit} at most {@link #MAX_TOP_N_ROWS}) a worker
 * keeps only the best {@code offset + limit} rows, cutting its buffer back whenever it holds twice that many, so
 * memory stays proportional to N and it never spills. Output batches hold at most
 * {@link ResultCollector#outputStepBytes} bytes (judged by the bytes per row the runs hold), so the result buffer's
 * window of them fits in what it sets aside, beside the merge.
 */
public final class SortSink implements Sink {

    /** The most spilled runs one merge reads at once (each holds a batch of {@link RunSpiller#BATCH_ROWS} rows). */
    static final int MAX_MERGE_RUNS = 64;

    /**
     * The most rows ({@code offset + limit}) kept as a top-N, in memory and without spilling; a larger limit or
     * offset sorts everything (spilling if need be) and the merge skips and stops.
     */
    static final long MAX_TOP_N_ROWS = 1 << 16;

    /** Output batches that must fit beside the runs held in memory when the sort finishes (see {@link #roomForOutput}). */
    private static final int OUTPUT_HEADROOM_BATCHES = 4;

    private final SortNode node;
    private final List<PhysicalKind> kinds;
    private final RowComparator comparator;
    private final MemoryReservation memory;
    private final RunSpiller spiller;
    private final long keep;
    private final long stepBytes;
    private final List<SortedRun> runs = new ArrayList<>();
    private final List<SpillFile> spilled = new ArrayList<>();
    private volatile RunMerger merger;
    private boolean closed;

    /** @param parallelism the workers of the query (how many output batches the result buffer holds ahead) */
    public SortSink(SortNode node, int parallelism, MemoryReservation memory, SpillSpace spillSpace) {
        this.node = node;
        this.kinds = node.output().stream().map(Column::type).map(type -> type.physicalKind()).toList();
        this.comparator = new RowComparator(node.keys(), kinds);
        this.memory = memory;
        this.spiller = new RunSpiller(spillSpace, kinds, memory);
        long wanted = node.limit() < 0 ? -1 : saturatedAdd(node.offset(), node.limit());
        this.keep = wanted > MAX_TOP_N_ROWS ? -1 : wanted;
        this.stepBytes = ResultCollector.outputStepBytes(memory.limitBytes(), parallelism);
    }

    /** Rows of an output batch: at most {@code maxRows}, fewer when rows of {@code bytesPerRow} exceed a step. */
    private int outputBatchRows(int maxRows, long bytesPerRow) {
        return (int) Math.max(1, Math.min(maxRows, stepBytes / Math.max(1, bytesPerRow)));
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
        List<SortedRun> inMemory;
        List<SpillFile> files;
        synchronized (runs) {
            inMemory = new ArrayList<>(runs);
            files = new ArrayList<>(spilled);
        }
        int batchRows = outputBatchRows(RunMerger.OUTPUT_BATCH_ROWS, memory.heldBytes() / Math.max(1, rowCount(inMemory)));
        if (files.isEmpty() && roomForOutput(inMemory, batchRows)) {
            List<InMemoryRunCursor> cursors = new ArrayList<>();
            for (SortedRun run : inMemory) {
                InMemoryRunCursor cursor = new InMemoryRunCursor(run);
                if (!cursor.isEmpty()) {
                    cursors.add(cursor);
                }
            }
            merger = new RunMerger(cursors, comparator, kinds.size(), node.offset(), node.limit(), batchRows);
            return;
        }
        for (SortedRun run : inMemory) {
            if (run.size() > 0) {
                addSpilled(spiller.write(run.columns, run.order));
            }
            release(run);
            tasks.checkCancelled();
        }
        synchronized (runs) {
            files = new ArrayList<>(spilled);
        }
        int fanIn = mergeFanIn(files.size());
        // The merge's cursors swap batch for batch: keep their bytes, so that what reads the sorted rows (another sort
        // spilling as late as it can) cannot take them between a cursor's release and its next batch.
        memory.trySetAside(Math.min(files.size(), fanIn) * batchBytesPerRun());
        while (files.size() > fanIn) {
            List<SpillFile> group = new ArrayList<>(files.subList(0, fanIn));
            SpillFile merged;
            try (RunMerger groupMerger = openMerger(group, 0, -1, RunSpiller.BATCH_ROWS)) {
                merged = spiller.write(groupMerger);
            }
            synchronized (runs) {
                spilled.removeAll(group);
                spilled.add(merged);
                files = new ArrayList<>(spilled);
            }
            group.forEach(SpillFile::delete);
            tasks.checkCancelled();
        }
        // Small output batches: whatever consumes them works within the little memory the merge left.
        merger = openMerger(files, node.offset(), node.limit(),
                outputBatchRows(RunSpiller.BATCH_ROWS, spiller.largestBatchBytes() / RunSpiller.BATCH_ROWS));
    }

    /**
     * Whether a few output batches fit beside the runs in memory. The operators the sorted rows feed (at least the
     * result buffer) need memory too; when the runs took nearly all of it, the sort spills them after all and merges
     * from the files in small batches rather than leave its consumer to fail.
     */
    private boolean roomForOutput(List<SortedRun> inMemory, int batchRows) {
        long rows = rowCount(inMemory);
        if (rows == 0) {
            return true;
        }
        long bytesPerRow = Math.max(1, memory.heldBytes() / rows);
        long needed = OUTPUT_HEADROOM_BATCHES * bytesPerRow * Math.min(rows, batchRows);
        if (!memory.tryGrow(needed)) {
            return false;
        }
        memory.shrink(needed);
        return true;
    }

    private static long rowCount(List<SortedRun> runs) {
        long rows = 0;
        for (SortedRun run : runs) {
            rows += run.size();
        }
        return rows;
    }

    /**
     * How many spilled runs one merge may read at once: at most {@link #MAX_MERGE_RUNS}, and no more than half
     * the free budget can hold a batch of each (with a quarter to spare, as decoded batches may be a little
     * larger); the other half is left to the operators the merged rows feed.
     */
    private int mergeFanIn(int runCount) {
        if (runCount < 2) {
            return 2; // one run is read without merging: its cursor reserves its batches itself
        }
        long perRun = batchBytesPerRun();
        for (int runs = Math.min(runCount, MAX_MERGE_RUNS); runs >= 2; runs--) {
            if (memory.tryGrow(2 * runs * perRun)) {
                memory.shrink(2 * runs * perRun);
                return runs;
            }
        }
        throw new ExecutionException(ExecutionException.OUT_OF_MEMORY, "query exceeded its memory limit while sorting: "
                + "merging sorted runs spilled to disk needs a batch of about " + perRun + " bytes from each of at least 2 "
                + "runs at once, which does not fit beside what the query holds (" + memory.budget().usedBytes() + " of "
                + memory.budget().limitBytes() + " bytes in use, " + memory.heldBytes() + " by the sort); raise memory_limit");
    }

    /** The bytes a merge holds per run: its largest batch, with a quarter to spare (decoded batches may be larger). */
    private long batchBytesPerRun() {
        return spiller.largestBatchBytes() + spiller.largestBatchBytes() / 4 + 1;
    }

    /** A merger reading {@code files} a batch at a time; files without rows are left out. */
    private RunMerger openMerger(List<SpillFile> files, long offset, long limit, int batchRows) {
        List<SpilledRunCursor> cursors = new ArrayList<>();
        try {
            for (SpillFile file : files) {
                SpilledRunCursor cursor = new SpilledRunCursor(file, files.size(), memory);
                if (cursor.loadNextBatch()) {
                    cursors.add(cursor);
                }
            }
        } catch (RuntimeException e) {
            cursors.forEach(SpilledRunCursor::close);
            throw e;
        }
        return new RunMerger(cursors, comparator, kinds.size(), offset, limit, batchRows);
    }

    private void addSpilled(SpillFile file) {
        synchronized (runs) {
            spilled.add(file);
        }
    }

    private void release(SortedRun run) {
        synchronized (runs) {
            if (runs.remove(run)) {
                run.rows.release();
            }
        }
    }

    /** The sorted rows, in order, once the pipeline finished; closing it frees the sink. */
    public MorselSource output() {
        return new SortedOutputSource(this);
    }

    /**
     * The next batch of sorted rows once the pipeline finished, {@code null} at the end (or once the sink closed):
     * the merge runs here, a batch per call, one call at a time.
     */
    public ColumnBatch nextBatch() {
        RunMerger runs = merger;
        return runs == null ? null : runs.next();
    }

    /** Frees the runs, closes the merge and deletes the spill files; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RunMerger current = merger;
        merger = null;
        if (current != null) {
            current.close();
        }
        synchronized (runs) {
            for (SortedRun run : runs) {
                run.rows.release();
            }
            runs.clear();
            spilled.forEach(SpillFile::delete);
            spilled.clear();
        }
        memory.close();
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
            if (keep < 0) {
                collect(batch);
                return;
            }
            if (hasThreshold) {
                batch = betterThanThreshold(batch);
                if (batch == null) {
                    return;
                }
            }
            if (batch.rowCount() > keep) {
                // Only the batch's own best rows can be among the best: copy those alone.
                ColumnVector[] columns = batch.columns().toArray(new ColumnVector[0]);
                int[] best = BestRows.of(columns, batch.rowCount(), comparator, (int) keep);
                batch = Selection.apply(batch, best, best.length);
            }
            rows.append(batch);
            if (rows.rowCount() > Math.max(2 * keep, 4096) && keep < Integer.MAX_VALUE / 4) {
                compact();
            }
        }

        /** Keeps the batch, first spilling the rows held when their memory cannot grow. */
        private void collect(ColumnBatch batch) {
            if (rows.tryAppend(batch)) {
                return;
            }
            if (rows.rowCount() > 0) {
                SortedRun run = SortedRun.sort(rows, comparator, -1);
                addSpilled(spiller.write(run.columns, run.order));
                rows.release();
                rows = new RowStore(kinds, memory);
                if (rows.tryAppend(batch)) {
                    return;
                }
            }
            // Not even this batch fits beside what the query holds elsewhere: it becomes a run of its own.
            ColumnVector[] columns = batch.columns().toArray(new ColumnVector[0]);
            addSpilled(spiller.write(columns, SortedRun.order(columns, batch.rowCount(), comparator)));
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
