package io.basalt.optimizer.rules;

import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the rows of a join between two disjoint sets of a multi-join's inputs (bit masks over the inputs), for
 * {@link ExhaustiveJoinOrderRule}; the same containment estimate as {@code JoinRowCount}, over sets of inputs:
 * {@code |L| × |R| / max(distinct keys of L, distinct keys of R)} times Calcite's guess for each other condition
 * between them.
 *
 * <p>The keys are the classes of {@link EqualColumns} with columns on both sides: in TPC-H Q9, {@code p_partkey =
 * l_partkey} and {@code ps_partkey = l_partkey} are one key when part and partsupp meet lineitem, or the key would
 * count twice and the estimate fall by the part keys' count. A set's
 * distinct keys are, for each input, the distinct values of its key columns together (partsupp's two key columns
 * have 800 K distinct pairs, not 200 K × 10 K), multiplied over the inputs and never more than the set's rows. Each
 * key column of a class is the one of fewest distinct values in the set (an equality inside the set makes its
 * columns equal, so the smallest count bounds them all).
 */
final class JoinSizeEstimator {

    /**
     * The estimate of one join: its rows, and whether an equality relates the two sides (a hash join). Other
     * conditions between them (TPC-H Q7's OR of the two nations' names) do not: a join on them alone is a nested
     * loop, worth it only where no equality joins the sets at all.
     */
    record Estimate(double rows, boolean onKeys) {
    }

    private final JoinGraph graph;
    private final EqualColumns equalColumns;
    private final RelMetadataQuery metadata;
    /** Per condition, and per class of equal columns: the inputs it refers to, as a bit mask (at most 32 inputs). */
    private final int[] conditionInputs;
    private final int[] classInputs;
    private final Map<DistinctKey, Double> distinct = new HashMap<>();
    /**
     * {@link #columnDistinct} by field, NaN until asked: the join orderer asks for every pair of input sets it tries
     * (thousands for TPC-H Q8's eight inputs), and a map keyed by bit sets cost 70 % of the ordering's time.
     */
    private final double[] fieldDistinct;

    private record DistinctKey(int input, ImmutableBitSet columns) {
    }

    JoinSizeEstimator(JoinGraph graph, EqualColumns equalColumns, RelMetadataQuery metadata) {
        this.graph = graph;
        this.equalColumns = equalColumns;
        this.metadata = metadata;
        this.conditionInputs = new int[graph.conditions().size()];
        for (int c = 0; c < conditionInputs.length; c++) {
            conditionInputs[c] = mask(graph.inputsOf(c));
        }
        this.fieldDistinct = new double[graph.totalFieldCount()];
        Arrays.fill(fieldDistinct, Double.NaN);
        this.classInputs = new int[equalColumns.classCount()];
        for (int k = 0; k < classInputs.length; k++) {
            classInputs[k] = mask(equalColumns.inputs(k));
        }
    }

    /** The join of input sets {@code left} and {@code right} (disjoint bit masks) holding the given rows. */
    Estimate join(int left, int right, double leftRows, double rightRows) {
        List<Integer> keyClasses = new ArrayList<>();
        for (int k = 0; k < classInputs.length; k++) {
            int mask = classInputs[k];
            if ((mask & left) != 0 && (mask & right) != 0) {
                keyClasses.add(k);
            }
        }
        boolean onKeys = !keyClasses.isEmpty();
        double selectivity = 1.0;
        int both = left | right;
        for (int c = 0; c < conditionInputs.length; c++) {
            int inputs = conditionInputs[c];
            if (equalColumns.isClassEquality(c) || (inputs & ~both) != 0 || (inputs & left) == 0
                    || (inputs & right) == 0) {
                continue;
            }
            RexNode condition = graph.conditions().get(c);
            int[] columns = castColumns(condition);
            if (columns != null) {
                // an equality of columns of different types: still a hash key, its own containment estimate
                onKeys = true;
                selectivity /= Math.max(columnDistinct(columns[0]), columnDistinct(columns[1]));
            } else {
                selectivity *= RelMdUtil.guessSelectivity(condition);
            }
        }
        if (!keyClasses.isEmpty()) {
            selectivity /= Math.max(keyDistinct(keyClasses, left, leftRows), keyDistinct(keyClasses, right, rightRows));
        }
        return new Estimate(Math.max(1.0, leftRows * rightRows * selectivity), onKeys);
    }

    private static int mask(ImmutableBitSet inputs) {
        if (inputs.length() > Integer.SIZE) {
            throw new IllegalArgumentException("more than " + Integer.SIZE + " inputs: " + inputs);
        }
        int mask = 0;
        for (int input : inputs) {
            mask |= 1 << input;
        }
        return mask;
    }

    /** The columns of {@code a = b} where each side is a column, through casts, of two inputs; else null. */
    private int[] castColumns(RexNode condition) {
        if (condition.getKind() != SqlKind.EQUALS || !(condition instanceof RexCall call)) {
            return null;
        }
        int left = column(call.getOperands().get(0));
        int right = column(call.getOperands().get(1));
        if (left < 0 || right < 0 || graph.inputOf(left) == graph.inputOf(right)) {
            return null;
        }
        return new int[] {left, right};
    }

    private static int column(RexNode operand) {
        RexNode stripped = operand;
        while (stripped.getKind() == SqlKind.CAST) {
            stripped = ((RexCall) stripped).getOperands().get(0);
        }
        return stripped instanceof RexInputRef reference ? reference.getIndex() : -1;
    }

    private double columnDistinct(int field) {
        double known = fieldDistinct[field];
        if (Double.isNaN(known)) {
            int input = graph.inputOf(field);
            known = distinct(input, ImmutableBitSet.of(field - graph.firstField(input)));
            fieldDistinct[field] = known;
        }
        return known;
    }

    /** The distinct values of the key columns of {@code keyClasses} in input set {@code set} of {@code rows} rows. */
    private double keyDistinct(List<Integer> keyClasses, int set, double rows) {
        if (keyClasses.size() == 1) {
            // One key column: its distinct count is the product below, without building a set of one column.
            return Math.max(1.0, Math.min(columnDistinct(fewestDistinct(keyClasses.get(0), set)), rows));
        }
        Map<Integer, ImmutableBitSet.Builder> columnsByInput = new HashMap<>();
        for (int keyClass : keyClasses) {
            int best = fewestDistinct(keyClass, set);
            int input = graph.inputOf(best);
            columnsByInput.computeIfAbsent(input, i -> ImmutableBitSet.builder()).set(best - graph.firstField(input));
        }
        double product = 1.0;
        for (Map.Entry<Integer, ImmutableBitSet.Builder> entry : columnsByInput.entrySet()) {
            product *= distinct(entry.getKey(), entry.getValue().build());
        }
        return Math.max(1.0, Math.min(product, rows));
    }

    /** Of the columns of {@code keyClass} in input set {@code set}, the one with the fewest distinct values. */
    private int fewestDistinct(int keyClass, int set) {
        int best = -1;
        double bestDistinct = Double.POSITIVE_INFINITY;
        for (int field : equalColumns.members(keyClass)) {
            if ((set & (1 << graph.inputOf(field))) != 0) {
                double count = columnDistinct(field);
                if (count < bestDistinct) {
                    best = field;
                    bestDistinct = count;
                }
            }
        }
        return best;
    }

    private double distinct(int input, ImmutableBitSet columns) {
        return distinct.computeIfAbsent(new DistinctKey(input, columns), key -> {
            Double count = metadata.getDistinctRowCount(graph.input(input), columns, null);
            double rows = graph.rows(input);
            return count == null || count.isNaN() ? rows : Math.max(1.0, Math.min(count, rows));
        });
    }
}
