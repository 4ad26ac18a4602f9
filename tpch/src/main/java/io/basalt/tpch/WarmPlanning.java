package io.basalt.tpch;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The planning figure: {@code EXPLAIN <query>} timed from the client, once every query has run, after
 * {@value #WARM_UP_ROUNDS} untimed rounds of {@code EXPLAIN} over all of them, so the figure is warm planning.
 *
 * <p>Timed right after a query's own runs, as before, a JVM database had planned only that query and the ones
 * before it a few times: its planner's code was still interpreted or compiled by the first tier, and Q1, the first
 * query, read 52 ms where its warm planning takes about 10 (2026-11-22, SF 1). Timed rounds alternate database by
 * database and query by query, like the hot runs. A database that cannot explain a query (no EXPLAIN, or an
 * error) has no planning figure for it.
 */
final class WarmPlanning {

    static final int WARM_UP_ROUNDS = 5;

    private final List<BenchmarkDatabase> databases;
    private final int timedRounds;

    WarmPlanning(List<BenchmarkDatabase> databases, int timedRounds) {
        this.databases = databases;
        this.timedRounds = timedRounds;
    }

    /** Replaces each successful timing in {@code timings} (per database, per query) with one holding its planning runs. */
    void measure(List<Integer> queries, List<List<QueryTiming>> timings) {
        int count = databases.size();
        List<List<List<Double>>> plans = new ArrayList<>();
        boolean[][] explainFails = new boolean[count][queries.size()];
        for (int i = 0; i < count; i++) {
            List<List<Double>> perQuery = new ArrayList<>();
            for (int q = 0; q < queries.size(); q++) {
                perQuery.add(new ArrayList<>());
                explainFails[i][q] = !timings.get(i).get(q).succeeded();
            }
            plans.add(perQuery);
        }
        for (int round = 0; round < WARM_UP_ROUNDS + timedRounds; round++) {
            boolean timed = round >= WARM_UP_ROUNDS;
            for (int q = 0; q < queries.size(); q++) {
                String explain = "EXPLAIN " + TpchQueries.text(queries.get(q));
                for (int i = 0; i < count; i++) {
                    if (explainFails[i][q]) {
                        continue;
                    }
                    long start = System.nanoTime();
                    try (Statement statement = databases.get(i).connection().createStatement()) {
                        statement.execute(explain);
                        if (timed) {
                            plans.get(i).get(q).add((System.nanoTime() - start) / 1e6);
                        }
                    } catch (SQLException e) {
                        explainFails[i][q] = true;
                        plans.get(i).get(q).clear();
                    }
                }
            }
        }
        for (int i = 0; i < count; i++) {
            for (int q = 0; q < queries.size(); q++) {
                QueryTiming timing = timings.get(i).get(q);
                if (timing.succeeded()) {
                    timings.get(i).set(q, timing.withPlanMillis(List.copyOf(plans.get(i).get(q))));
                }
            }
        }
    }
}
