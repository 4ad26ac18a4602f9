/**
 * Basalt's Calcite integration: the schema adapter over Basalt's catalog, the type system and function
 * table, the rule phases (heuristic rewrites, cost-based join ordering, the physical phase into Basalt's
 * own convention), the cost model and statistics, partition pruning, index and materialized-view
 * selection, and the translation of physical plans into execution operators.
 *
 * <p>Nothing is here yet: the planner arrives with the query-engine issue. It depends on the parser,
 * execution and storage modules and on Calcite.
 */
package io.basalt.optimizer;
