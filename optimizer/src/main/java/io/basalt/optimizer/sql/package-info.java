/**
 * From query text to Calcite's relational algebra: the parser configuration (Basalt's identifier rules, a lenient
 * conformance), the function table, validation against the catalog, and the translation of Calcite's errors into
 * PlanningExceptions with PostgreSQL's SQLSTATEs, positions and "did you mean" suggestions.
 */
package io.basalt.optimizer.sql;
