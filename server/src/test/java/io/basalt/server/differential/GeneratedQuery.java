package io.basalt.server.differential;

/**
 * One query of the differential workload.
 *
 * @param number its position in the workload (from 1), the name the known-differences file uses
 * @param sql the query
 * @param ordered true when its ORDER BY makes the row order total (it ends with the unique {@code id}), so that
 *     the order is compared too; otherwise rows are compared as a multiset
 */
record GeneratedQuery(int number, String sql, boolean ordered) {
}
