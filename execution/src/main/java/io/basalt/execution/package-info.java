/**
 * Basalt's vectorized executor: expression kernels over column batches, the operators (scan, filter,
 * project, hash join, hash aggregate, sort, top-N, window, union, values, exchange), morsel-driven
 * pipelines on all cores, per-query memory accounting and spilling to disk.
 *
 * <p>Nothing is here yet: the executor arrives with the query-engine issue. It depends only on the
 * storage module, whose column vectors and batches it consumes.
 */
package io.basalt.execution;
