package io.basalt.server.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the differential workload over {@link RandomTables}: filters, expressions, joins, grouping with
 * aggregates, ORDER BY with LIMIT, DISTINCT, set operations and subqueries, with parameters drawn from a seeded
 * {@link Random} (so the workload is the same on every run).
 *
 * <p>It leaves out what PostgreSQL and DuckDB are known to define differently, since Basalt follows PostgreSQL:
 * {@code /} on integers (PostgreSQL truncates, DuckDB divides as double), and ORDER BY without {@code NULLS
 * FIRST|LAST} (PostgreSQL puts NULLs last ascending but first descending, DuckDB last in both). Every ORDER BY
 * with LIMIT ends with the unique {@code id}, so the rows it keeps are determined.
 */
final class QueryGenerator {

    private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};

    private final Random random;
    private final List<GeneratedQuery> queries = new ArrayList<>();

    private QueryGenerator(Random random) {
        this.random = random;
    }

    /** {@code perShape} queries of each shape. */
    static List<GeneratedQuery> generate(Random random, int perShape) {
        QueryGenerator generator = new QueryGenerator(random);
        for (int i = 0; i < perShape; i++) {
            generator.filter();
            generator.expressions();
            generator.join();
            generator.groupBy();
            generator.orderByLimit();
            generator.distinct();
            generator.setOperation();
            generator.inSubquery();
            generator.existsSubquery();
            generator.scalarSubquery();
        }
        return List.copyOf(generator.queries);
    }

    private void add(String sql, boolean ordered) {
        queries.add(new GeneratedQuery(queries.size() + 1, sql, ordered));
    }

    private void filter() {
        String table = table();
        add("SELECT id, " + pick(RandomTables.ALL_COLUMNS) + ", " + pick(RandomTables.ALL_COLUMNS) + " FROM " + table
                + " WHERE " + predicate("", 2), false);
    }

    private void expressions() {
        add("SELECT id, n + k, n * 3 - k, amount * 2, ratio + amount, -n, ABS(n), COALESCE(n, k, 0), "
                + "CASE WHEN " + predicate("", 1) + " THEN label ELSE 'other' END, label || '-' || CAST(k AS VARCHAR), "
                + "n % 7, " + predicate("", 1) + " FROM " + table() + " WHERE " + predicate("", 1), false);
    }

    private void join() {
        String[] pair = twoTables();
        String kind = random.nextInt(3) == 0 ? "LEFT JOIN" : "JOIN";
        String extra = random.nextBoolean() ? " AND " + predicate("r.", 1) : "";
        add("SELECT l.id, r.id, l." + pick(RandomTables.ALL_COLUMNS) + ", r." + pick(RandomTables.ALL_COLUMNS)
                + " FROM " + pair[0] + " l " + kind + " " + pair[1] + " r ON l." + pick(RandomTables.INTEGER_COLUMNS)
                + " = r.k" + extra + " WHERE " + predicate("l.", 1), false);
    }

    private void groupBy() {
        String key = pick(List.of("k", "label", "flag", "day", "k, flag"));
        String measure = pick(RandomTables.NUMERIC_COLUMNS);
        String having = random.nextBoolean() ? " HAVING COUNT(*) > " + random.nextInt(20) : "";
        add("SELECT " + key + ", COUNT(*), COUNT(" + pick(RandomTables.ALL_COLUMNS) + "), SUM(" + measure + "), MIN("
                + pick(RandomTables.ALL_COLUMNS) + "), MAX(" + pick(RandomTables.ALL_COLUMNS) + "), AVG(" + measure
                + ") FROM " + table() + " WHERE " + predicate("", 1) + " GROUP BY " + key + having, false);
    }

    private void orderByLimit() {
        String column = pick(RandomTables.ALL_COLUMNS);
        String direction = random.nextBoolean() ? "ASC" : "DESC";
        String nulls = random.nextBoolean() ? "NULLS FIRST" : "NULLS LAST";
        add("SELECT id, " + column + ", " + pick(RandomTables.ALL_COLUMNS) + " FROM " + table() + " WHERE "
                + predicate("", 1) + " ORDER BY " + column + " " + direction + " " + nulls + ", id LIMIT "
                + (1 + random.nextInt(40)) + (random.nextBoolean() ? " OFFSET " + random.nextInt(10) : ""), true);
    }

    private void distinct() {
        add("SELECT DISTINCT " + pick(List.of("k", "label", "flag", "k, flag", "label, day")) + " FROM " + table()
                + " WHERE " + predicate("", 1), false);
    }

    private void setOperation() {
        String[] pair = twoTables();
        String columns = pick(List.of("k", "label", "k, flag", "n, label", "day"));
        String operation = pick(List.of("UNION", "UNION ALL", "INTERSECT", "EXCEPT", "INTERSECT ALL", "EXCEPT ALL"));
        add("SELECT " + columns + " FROM " + pair[0] + " WHERE " + predicate("", 1) + " " + operation + " SELECT "
                + columns + " FROM " + pair[1] + " WHERE " + predicate("", 1), false);
    }

    private void inSubquery() {
        String[] pair = twoTables();
        String negation = random.nextInt(3) == 0 ? "NOT " : "";
        add("SELECT id, label FROM " + pair[0] + " WHERE " + pick(RandomTables.INTEGER_COLUMNS) + " " + negation
                + "IN (SELECT k FROM " + pair[1] + " WHERE " + predicate("", 1) + ")", false);
    }

    private void existsSubquery() {
        String[] pair = twoTables();
        String negation = random.nextInt(3) == 0 ? "NOT " : "";
        add("SELECT o.id, o.k FROM " + pair[0] + " o WHERE " + negation + "EXISTS (SELECT 1 FROM " + pair[1]
                + " i WHERE i.k = o.k AND i." + pick(RandomTables.NUMERIC_COLUMNS) + " "
                + pick(List.of(COMPARISONS)) + " o." + pick(RandomTables.NUMERIC_COLUMNS) + ")", false);
    }

    private void scalarSubquery() {
        String[] pair = twoTables();
        String measure = pick(RandomTables.NUMERIC_COLUMNS);
        String aggregate = pick(List.of("MAX", "MIN", "SUM", "COUNT"));
        if (random.nextBoolean()) {
            add("SELECT o.id, (SELECT " + aggregate + "(i." + measure + ") FROM " + pair[1] + " i WHERE i.k = o.k) FROM "
                    + pair[0] + " o WHERE " + predicate("o.", 1), false);
        } else {
            add("SELECT id, " + measure + " FROM " + pair[0] + " WHERE " + measure + " > (SELECT AVG(" + measure
                    + ") FROM " + pair[1] + " WHERE " + predicate("", 1) + ")", false);
        }
    }

    /** A condition over the columns of one table, written with {@code prefix} ("" or an alias and a dot). */
    private String predicate(String prefix, int depth) {
        if (depth > 0 && random.nextInt(3) == 0) {
            String connective = random.nextBoolean() ? " AND " : " OR ";
            String combined = "(" + predicate(prefix, depth - 1) + connective + predicate(prefix, depth - 1) + ")";
            return random.nextInt(4) == 0 ? "NOT " + combined : combined;
        }
        switch (random.nextInt(8)) {
            case 0:
                return prefix + pick(RandomTables.ALL_COLUMNS) + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
            case 1:
                return prefix + "k " + (random.nextInt(3) == 0 ? "NOT " : "") + "IN (" + random.nextInt(10) + ", "
                        + random.nextInt(10) + ", " + random.nextInt(10) + ")";
            case 2:
                int low = random.nextInt(1500) - 1000;
                return prefix + "n BETWEEN " + low + " AND " + (low + random.nextInt(800));
            case 3:
                return prefix + "label " + pick(List.of(COMPARISONS)) + " '"
                        + pick(RandomTables.LABELS).substring(0, 1 + random.nextInt(3)) + "'";
            case 4:
                return prefix + "label LIKE '%" + (char) ('a' + random.nextInt(26)) + "%'";
            case 5:
                return prefix + "day " + pick(List.of(COMPARISONS)) + " DATE '"
                        + RandomTables.FIRST_DAY.plusDays(random.nextInt(RandomTables.DAYS)) + "'";
            case 6:
                return pick(List.of(prefix + "flag", "NOT " + prefix + "flag", prefix + "flag IS NOT TRUE"));
            default:
                return prefix + pick(List.of("amount", "ratio", "n")) + " " + pick(List.of(COMPARISONS)) + " "
                        + (random.nextInt(2000) - 1000) + "." + random.nextInt(10);
        }
    }

    private String table() {
        return pick(RandomTables.NAMES);
    }

    private String[] twoTables() {
        return new String[] {table(), table()};
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
