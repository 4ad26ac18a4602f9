/**
 * Basalt's query planner on Apache Calcite: {@link io.basalt.optimizer.QueryPlanner} turns query text and a
 * catalog version (the storage manifest) into execution's physical plan.
 *
 * <ul>
 *   <li>{@code sql}: parsing, validation against the catalog, errors with SQLSTATE and position;</li>
 *   <li>{@code catalog}: the Calcite schema over the manifest, Basalt's type system and type mapping,
 *       statistics;</li>
 *   <li>{@code rules}: the optimizer's phases and Basalt's own rules;</li>
 *   <li>{@code cost} and {@code metadata}: the cost model and the estimates join ordering relies on;</li>
 *   <li>{@code physical}: Calcite's optimized plan to {@code io.basalt.execution.plan} nodes and expressions.</li>
 * </ul>
 */
package io.basalt.optimizer;
