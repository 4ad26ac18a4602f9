package io.basalt.execution;

import io.basalt.execution.progress.ProgressTracker;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.storage.DataLayout;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.segment.BlockCache;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one query runs with: the snapshot it reads (a pinned manifest and where its files are), how many
 * threads it may use, its memory budget in bytes, a flag that cancels it (checked between batches) and the
 * tracker its scans and pipelines report their progress to, and the spill space its operators write to when
 * they outgrow the budget (deleted when the query's result stream ends, however it ends), and the database's cache of
 * segment blocks its scans read through.
 */
public record ExecutionContext(DataLayout layout, Manifest snapshot, int parallelism, long memoryLimitBytes,
                               AtomicBoolean cancelled, ProgressTracker progress, SpillSpace spillSpace,
                               BlockCache blockCache) {

    /**
     * A context spilling to the data directory's {@code tmp/} (the temporary directory without a layout), without a
     * block cache.
     */
    public ExecutionContext(DataLayout layout, Manifest snapshot, int parallelism, long memoryLimitBytes,
                            AtomicBoolean cancelled, ProgressTracker progress) {
        this(layout, snapshot, parallelism, memoryLimitBytes, cancelled, progress, SpillSpace.of(layout),
                BlockCache.DISABLED);
    }

    /** A context whose progress nobody watches. */
    public ExecutionContext(DataLayout layout, Manifest snapshot, int parallelism, long memoryLimitBytes,
                            AtomicBoolean cancelled) {
        this(layout, snapshot, parallelism, memoryLimitBytes, cancelled, new ProgressTracker());
    }

    public ExecutionContext {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive");
        }
        if (memoryLimitBytes < 1) {
            throw new IllegalArgumentException("memory limit must be positive");
        }
    }

    public void checkCancelled() {
        if (cancelled.get()) {
            throw new ExecutionException(ExecutionException.QUERY_CANCELED, "canceling statement due to user request");
        }
    }
}
