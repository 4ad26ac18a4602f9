/**
 * Basalt's vectorized executor. {@link io.basalt.execution.QueryExecutor} runs a physical plan
 * ({@code io.basalt.execution.plan}): the plan is cut into pipelines at its breakers (hash-join build,
 * aggregation, sort, limit), each pipeline runs morsel-driven on {@code parallelism} worker threads, and the
 * rows come back in the plan's order through a {@link io.basalt.execution.ResultStream}. Every query has a
 * memory budget its operators account against. The package README lists the subpackages.
 *
 * <p>It depends only on the storage module, whose column vectors and batches it consumes as they are.
 */
package io.basalt.execution;
