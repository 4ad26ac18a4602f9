/**
 * Basalt's catalog as Calcite sees it: a schema per Basalt schema over one manifest version, tables with
 * Basalt's types, statistics from the manifest (row counts, keys, foreign keys, distinct-value estimates), the
 * type system (DECIMAL up to 38 digits) and the mapping between storage types and Calcite types.
 */
package io.basalt.optimizer.catalog;
