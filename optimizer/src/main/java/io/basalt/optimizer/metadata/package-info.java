/**
 * Calcite metadata with Basalt's estimates in front of Calcite's defaults: join cardinalities from distinct
 * counts, distinct counts of table columns from the catalog, and the operator cost model.
 */
package io.basalt.optimizer.metadata;
