package io.basalt.execution.pipeline;

import io.basalt.execution.ExecutionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskRunnerTest {

    private static ExecutionContext context(int parallelism) {
        return new ExecutionContext(null, null, parallelism, 1L << 30, new AtomicBoolean());
    }

    private static List<Runnable> counting(int count, AtomicInteger[] runs) {
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs[i] = new AtomicInteger();
            AtomicInteger mine = runs[i];
            tasks.add(mine::incrementAndGet);
        }
        return tasks;
    }

    /** With no pool thread ever starting, the calling thread runs every task and does not wait for the helpers. */
    @Test
    @Timeout(30)
    void theCallingThreadRunsEveryTaskWhenNoHelperStarts() {
        AtomicInteger[] runs = new AtomicInteger[8];
        NeverRunningPool pool = new NeverRunningPool();

        new TaskRunner(pool, context(4)).runAll(counting(8, runs));

        assertThat(runs).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(pool.queued).hasSize(3);
        pool.queued.forEach(Runnable::run); // late starters find nothing to do
        assertThat(runs).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    @Timeout(60)
    void everyTaskRunsOnceOnRealThreads() {
        for (int attempt = 0; attempt < 50; attempt++) {
            AtomicInteger[] runs = new AtomicInteger[20];
            new TaskRunner(WorkerPool.shared(), context(4)).runAll(counting(20, runs));
            assertThat(runs).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        }
    }

    @Test
    void theFirstFailureIsRethrown() {
        List<Runnable> tasks = List.of(() -> { }, () -> {
            throw new IllegalStateException("task failed");
        }, () -> { });

        assertThatThrownBy(() -> new TaskRunner(WorkerPool.shared(), context(2)).runAll(tasks))
                .isInstanceOf(IllegalStateException.class).hasMessage("task failed");
    }
}
