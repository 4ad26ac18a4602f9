/**
 * Builds execution's physical plan ({@code io.basalt.execution.plan}) and expressions
 * ({@code io.basalt.execution.expression}) from Calcite's optimized logical plan: scans with pushed filters and
 * only the needed columns, hash or nested-loop joins with their build side, aggregates, sorts and top-N, unions,
 * constants; every implicit conversion made explicit. Unsupported constructs fail with SQLSTATE 0A000.
 */
package io.basalt.optimizer.physical;
