/**
 * Basalt's own physical convention: the operators the executor has, as Calcite relational expressions, and the
 * phase that converts a logical plan into them, choosing join build sides by Basalt's cost model ({@link
 * io.basalt.optimizer.convention.PhysicalPhase}). Each node extends Calcite's core class of its kind, so Calcite's
 * metadata (row counts, keys, distinct counts) works on it unchanged, and adds only what the choice decided.
 */
package io.basalt.optimizer.convention;
