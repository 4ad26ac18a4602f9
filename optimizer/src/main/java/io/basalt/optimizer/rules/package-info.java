/**
 * The optimizer's phases ({@link io.basalt.optimizer.rules.OptimizerPhases}) and Basalt's own rules: subqueries
 * to semi and anti joins, common factors out of OR conditions, and the planning-time constant folder.
 */
package io.basalt.optimizer.rules;
