package io.basalt.tpch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One query on one database: the cold run (the first, which also gives the rows checked against the
 * answer), the hot runs after it, and the planning runs ({@code EXPLAIN} of the same text, timed from the
 * client, so planning is measured the same way on every database; warm, see {@code WarmPlanning}). {@code answer} is {@code ok},
 * {@code WRONG: …} naming the first difference, {@code not checked}, or {@code ERROR: …} when the query
 * failed (then there are no timings). Times in milliseconds, as the client sees them: sending the text,
 * planning, executing and fetching every row. {@code hotCpuMillis} is the CPU time the whole process used
 * during each hot run (empty where the JVM cannot tell), for {@link #cpuUtilisation}. {@code peakHeapBytes} is the
 * most Java heap one run of the query used ({@link HeapPeak}), for a database in the harness's own process; -1 when
 * not known.
 */
public record QueryTiming(int query, double coldMillis, List<Double> hotMillis, List<Double> planMillis, String answer,
                          List<Double> hotCpuMillis, long peakHeapBytes) {

    /** A timing without CPU or heap figures. */
    public QueryTiming(int query, double coldMillis, List<Double> hotMillis, List<Double> planMillis, String answer) {
        this(query, coldMillis, hotMillis, planMillis, answer, List.of(), -1);
    }

    /** A timing without CPU figures. */
    public QueryTiming(int query, double coldMillis, List<Double> hotMillis, List<Double> planMillis, String answer,
                       long peakHeapBytes) {
        this(query, coldMillis, hotMillis, planMillis, answer, List.of(), peakHeapBytes);
    }

    /** A timing without heap figures. */
    public QueryTiming(int query, double coldMillis, List<Double> hotMillis, List<Double> planMillis, String answer,
                       List<Double> hotCpuMillis) {
        this(query, coldMillis, hotMillis, planMillis, answer, hotCpuMillis, -1);
    }

    public static QueryTiming failed(int query, String message) {
        return new QueryTiming(query, Double.NaN, List.of(), List.of(), "ERROR: " + message, -1);
    }

    /** The same timing with {@code planMillis} as its planning runs. */
    public QueryTiming withPlanMillis(List<Double> planMillis) {
        return new QueryTiming(query, coldMillis, hotMillis, planMillis, answer, hotCpuMillis, peakHeapBytes);
    }

    /** Whether the peak heap use is known. */
    public boolean peakHeapKnown() {
        return peakHeapBytes >= 0;
    }

    /**
     * How busy the machine's cores were with this process during the hot runs: their CPU time divided by
     * their wall time × {@code cores}, from 0 to 1 (1 = every core busy all the time); NaN without figures.
     */
    public double cpuUtilisation(int cores) {
        if (hotCpuMillis.isEmpty() || hotCpuMillis.size() != hotMillis.size() || cores <= 0) {
            return Double.NaN;
        }
        double cpu = hotCpuMillis.stream().mapToDouble(Double::doubleValue).sum();
        double wall = hotMillis.stream().mapToDouble(Double::doubleValue).sum();
        return wall > 0 ? cpu / (wall * cores) : Double.NaN;
    }

    public boolean succeeded() {
        return !answer.startsWith("ERROR");
    }

    public boolean correct() {
        return answer.equals("ok");
    }

    public boolean wrong() {
        return answer.startsWith("WRONG");
    }

    /** The figure reports compare: the median of the hot runs, or the cold run when there were none. */
    public double representativeMillis() {
        return hotMillis.isEmpty() ? coldMillis : median(hotMillis);
    }

    public double medianMillis() {
        return hotMillis.isEmpty() ? Double.NaN : median(hotMillis);
    }

    public double minMillis() {
        return hotMillis.isEmpty() ? Double.NaN : Collections.min(hotMillis);
    }

    public double maxMillis() {
        return hotMillis.isEmpty() ? Double.NaN : Collections.max(hotMillis);
    }

    public double planMedianMillis() {
        return planMillis.isEmpty() ? Double.NaN : median(planMillis);
    }

    /** The representative time less planning: what executing and fetching took. */
    public double executionMillis() {
        double plan = planMedianMillis();
        return Double.isNaN(plan) ? Double.NaN : Math.max(0, representativeMillis() - plan);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
