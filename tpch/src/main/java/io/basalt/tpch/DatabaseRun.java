package io.basalt.tpch;

import java.util.List;

/** The queries as one database ran them, with the summaries reports print. */
public record DatabaseRun(String database, String version, String url, List<QueryTiming> queries) {

    /** Sum of the representative times of the queries that ran. */
    public double totalMillis() {
        return queries.stream().filter(QueryTiming::succeeded).mapToDouble(QueryTiming::representativeMillis).sum();
    }

    /** Geometric mean of the representative times of the queries that ran (TPC-H's customary summary). */
    public double geometricMeanMillis() {
        return geometricMean(queries.stream().filter(QueryTiming::succeeded).mapToDouble(QueryTiming::representativeMillis).toArray());
    }

    public long failures() {
        return queries.stream().filter(q -> !q.succeeded()).count();
    }

    public long wrongAnswers() {
        return queries.stream().filter(QueryTiming::wrong).count();
    }

    public long correctAnswers() {
        return queries.stream().filter(QueryTiming::correct).count();
    }

    static double geometricMean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double logSum = 0;
        for (double value : values) {
            // A query faster than the clock's resolution must not make the mean zero.
            logSum += Math.log(Math.max(value, 1e-3));
        }
        return Math.exp(logSum / values.length);
    }
}
