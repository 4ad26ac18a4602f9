package io.basalt.execution.pipeline;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline driver with hand-written sources and operators: order, final output, failures. */
class PipelineExecutionTest {

    private static ExecutionContext context(int parallelism) {
        return new ExecutionContext(null, null, parallelism, 1L << 30, new AtomicBoolean());
    }

    private static ColumnBatch batch(long... values) {
        LongVector vector = new LongVector(values.length);
        for (long value : values) {
            vector.append(value);
        }
        return new ColumnBatch(values.length, List.of(vector));
    }

    /** Morsels 0..count-1, each emitting two batches after a random pause; morsel {@code failing} throws. */
    private static MorselSource numbers(int count, int failing) {
        return new MorselSource() {
            private int next;

            @Override
            public Morsel next() {
                if (next == count) {
                    return null;
                }
                int index = next++;
                return output -> {
                    try {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (index == failing) {
                        throw new IllegalStateException("morsel " + index + " failed");
                    }
                    output.accept(batch(index * 2L));
                    output.accept(batch(index * 2L + 1));
                };
            }
        };
    }

    private static List<Long> drain(ResultCollector collector) {
        List<Long> values = new ArrayList<>();
        ColumnBatch batch;
        while ((batch = collector.next()) != null) {
            LongVector vector = (LongVector) batch.column(0);
            for (int i = 0; i < batch.rowCount(); i++) {
                values.add(vector.get(i));
            }
        }
        return values;
    }

    @Test
    void resultsComeInMorselOrderWhateverOrderWorkersFinishIn() {
        ExecutionContext context = context(4);
        MemoryBudget budget = new MemoryBudget(1L << 30);
        ResultCollector collector = new ResultCollector(0, -1, context, new MemoryReservation(budget, "results"));
        PipelineExecution execution = new PipelineExecution(new Pipeline("test", numbers(200, -1), collector), context,
                WorkerPool.shared());

        execution.start();
        List<Long> values = drain(collector);
        execution.await();

        assertThat(values).hasSize(400);
        for (int i = 0; i < values.size(); i++) {
            assertThat(values.get(i)).isEqualTo(i);
        }
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void offsetAndLimitStopTheWorkersEarly() {
        ExecutionContext context = context(3);
        ResultCollector collector = new ResultCollector(5, 10, context, new MemoryReservation(new MemoryBudget(1L << 30), "r"));
        AtomicInteger started = new AtomicInteger();
        MorselSource counted = new MorselSource() {
            private final MorselSource inner = numbers(10_000, -1);

            @Override
            public Morsel next() {
                started.incrementAndGet();
                return inner.next();
            }
        };
        PipelineExecution execution = new PipelineExecution(new Pipeline("test", counted, collector), context, WorkerPool.shared());

        execution.start();
        List<Long> values = drain(collector);
        execution.stop();
        execution.awaitQuietly();

        assertThat(values).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        assertThat(started.get()).isLessThan(100);
    }

    @Test
    void anOperatorsFinalOutputComesAfterAllItsInput() {
        ExecutionContext context = context(4);
        AtomicInteger processed = new AtomicInteger();
        StreamingOperator counting = new StreamingOperator() {
            @Override
            public void process(ColumnBatch input, BatchConsumer output) {
                processed.incrementAndGet();
                output.accept(input);
            }

            @Override
            public boolean hasFinalOutput() {
                return true;
            }

            @Override
            public void finish(BatchConsumer output) {
                output.accept(batch(-processed.get()));
            }
        };
        ResultCollector collector = new ResultCollector(0, -1, context, new MemoryReservation(new MemoryBudget(1L << 30), "r"));
        MorselSource source = new OperatorSource(numbers(50, -1), counting, context);
        PipelineExecution execution = new PipelineExecution(new Pipeline("test", source, collector), context, WorkerPool.shared());

        execution.start();
        List<Long> values = drain(collector);
        execution.await();

        assertThat(values).hasSize(101);
        assertThat(values.get(100)).isEqualTo(-100L);
    }

    @Test
    @Timeout(60)
    void aLimitReachedBeforeAnOperatorsFinalOutputStopsWithoutHanging() {
        for (int attempt = 0; attempt < 50; attempt++) {
            ExecutionContext context = context(4);
            StreamingOperator withFinalOutput = new StreamingOperator() {
                @Override
                public void process(ColumnBatch input, BatchConsumer output) {
                    output.accept(input);
                }

                @Override
                public boolean hasFinalOutput() {
                    return true;
                }

                @Override
                public void finish(BatchConsumer output) {
                    output.accept(batch(-1));
                }
            };
            ResultCollector collector = new ResultCollector(0, 3, context, new MemoryReservation(new MemoryBudget(1L << 30), "r"));
            MorselSource source = new OperatorSource(numbers(40, -1), withFinalOutput, context);
            PipelineExecution execution = new PipelineExecution(new Pipeline("test", source, collector), context, WorkerPool.shared());

            execution.start();
            List<Long> values = drain(collector);
            execution.stop();
            execution.awaitQuietly();

            assertThat(values).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    @Timeout(30)
    void aDiscardedMorselReleasesTheFinalMorselWaitingForIt() throws Exception {
        ExecutionContext context = context(2);
        StreamingOperator withFinalOutput = new StreamingOperator() {
            @Override
            public void process(ColumnBatch input, BatchConsumer output) {
                output.accept(input);
            }

            @Override
            public boolean hasFinalOutput() {
                return true;
            }

            @Override
            public void finish(BatchConsumer output) {
                output.accept(batch(-1));
            }
        };
        OperatorSource source = new OperatorSource(numbers(1, -1), withFinalOutput, context);
        Morsel neverRun = source.next();
        Morsel last = source.next();
        List<ColumnBatch> emitted = new CopyOnWriteArrayList<>();
        Thread waiter = new Thread(() -> last.run(emitted::add));
        waiter.start();
        waiter.join(200);
        assertThat(waiter.isAlive()).as("the final morsel waits for the earlier one").isTrue();

        neverRun.discard();
        waiter.join(10_000);

        assertThat(waiter.isAlive()).isFalse();
        assertThat(emitted).hasSize(1);
        assertThat(source.next()).isNull();
    }

    @Test
    void aFailingMorselFailsThePipeline() {
        ExecutionContext context = context(4);
        ResultCollector collector = new ResultCollector(0, -1, context, new MemoryReservation(new MemoryBudget(1L << 30), "r"));
        PipelineExecution execution = new PipelineExecution(new Pipeline("test", numbers(100, 37), collector), context,
                WorkerPool.shared());

        execution.start();

        assertThatThrownBy(() -> drain(collector)).isInstanceOf(IllegalStateException.class).hasMessage("morsel 37 failed");
        assertThatThrownBy(execution::await).isInstanceOf(IllegalStateException.class);
    }

    /** A sink summing the first column, noting each writer's thread and how often it was finished. */
    private static final class SummingSink implements Sink {
        final AtomicLong sum = new AtomicLong();
        final List<Thread> writerThreads = new CopyOnWriteArrayList<>();
        final AtomicInteger finishes = new AtomicInteger();
        volatile Thread finishedOn;

        @Override
        public SinkWriter createWriter() {
            writerThreads.add(Thread.currentThread());
            return (sequence, batch) -> {
                LongVector vector = (LongVector) batch.column(0);
                for (int i = 0; i < batch.rowCount(); i++) {
                    sum.addAndGet(vector.get(i));
                }
            };
        }

        @Override
        public void finish(TaskRunner tasks) {
            finishes.incrementAndGet();
            finishedOn = Thread.currentThread();
        }

        @Override
        public void close() {
        }
    }

    /**
     * {@link PipelineExecution#run} on a pool whose threads never start: the calling thread runs every morsel, finishes
     * the sink and returns without waiting for the helpers, which do nothing when they start late.
     */
    @Test
    @Timeout(30)
    void runWorksOnTheCallingThreadAndDoesNotWaitForHelpersThatNeverStarted() {
        SummingSink sink = new SummingSink();
        NeverRunningPool pool = new NeverRunningPool();
        PipelineExecution execution = new PipelineExecution(new Pipeline("test", numbers(50, -1), sink), context(3), pool);

        execution.run();

        assertThat(sink.sum.get()).isEqualTo(99L * 100 / 2);
        assertThat(sink.finishes.get()).isEqualTo(1);
        assertThat(sink.finishedOn).isSameAs(Thread.currentThread());
        assertThat(sink.writerThreads).containsExactly(Thread.currentThread());
        assertThat(pool.queued).hasSize(2);
        pool.queued.forEach(Runnable::run); // late starters find their share taken
        assertThat(sink.writerThreads).hasSize(1);
        assertThat(sink.finishes.get()).isEqualTo(1);
    }

    /** {@link PipelineExecution#run} on real threads: every morsel once, the sink finished once, on some worker. */
    @Test
    @Timeout(60)
    void runOnRealThreadsAddsEveryMorselOnceAndFinishesTheSinkOnce() {
        for (int attempt = 0; attempt < 20; attempt++) {
            SummingSink sink = new SummingSink();
            PipelineExecution execution = new PipelineExecution(new Pipeline("test", numbers(200, -1), sink), context(4),
                    WorkerPool.shared());

            execution.run();

            assertThat(sink.sum.get()).isEqualTo(399L * 400 / 2);
            assertThat(sink.finishes.get()).isEqualTo(1);
            assertThat(execution.isDone()).isTrue();
        }
    }

    /** A morsel failing on the calling thread or on a helper fails {@link PipelineExecution#run}; the sink is not finished. */
    @Test
    @Timeout(30)
    void aFailingMorselFailsRun() {
        for (int parallelism : new int[] {1, 3}) {
            SummingSink sink = new SummingSink();
            PipelineExecution execution = new PipelineExecution(new Pipeline("test", numbers(100, 37), sink),
                    context(parallelism), WorkerPool.shared());

            assertThatThrownBy(execution::run).isInstanceOf(IllegalStateException.class).hasMessage("morsel 37 failed");
            assertThat(sink.finishes.get()).isZero();
        }
    }

    @Test
    void concatenatedSourcesKeepTheirOrder() {
        ExecutionContext context = context(2);
        ResultCollector collector = new ResultCollector(0, -1, context, new MemoryReservation(new MemoryBudget(1L << 30), "r"));
        MorselSource union = new ConcatenatedSource(List.of(numbers(3, -1), numbers(0, -1), numbers(2, -1)));
        PipelineExecution execution = new PipelineExecution(new Pipeline("test", union, collector), context, WorkerPool.shared());

        execution.start();

        assertThat(drain(collector)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 0L, 1L, 2L, 3L);
        execution.await();
    }
}
