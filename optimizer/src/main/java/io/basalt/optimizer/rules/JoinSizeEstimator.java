package io.basalt.optimizer.rules;

import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.Arrays;
import java.util.HashMap;
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
    /** Per class of equal columns: the inputs it refers to, as a bit mask (at most 32 inputs). */
    private final int[] classInputs;
    /**
     * The conditions other than equalities of a class, worked out once: the inputs each refers to (a bit mask), and
     * either its two columns (an equality of columns of different types, through casts) or Calcite's guess of its
     * selectivity: the orderer asks about thousands of pairs of input sets (TPC-H Q8), each meeting every condition.
     */
    private final int[] otherConditionInputs;
    private final int[][] otherConditionColumns;
    private final double[] otherConditionSelectivity;
    /** Distinct values of sets of an input's columns, by input. */
    private final Map<Integer, Map<ImmutableBitSet, Double>> distinct = new HashMap<>();
    /**
     * {@link #columnDistinct} by field, NaN until asked: the join orderer asks for every pair of input sets it tries
     * (thousands for TPC-H Q8's eight inputs), and a map keyed by bit sets cost 70 % of the ordering's time.
     */
    private final double[] fieldDistinct;
    /** The key classes of the join being estimated, {@code keyClasses[0, keyClassCount)} (no array per estimate). */
    private final int[] keyClasses;
    private int keyClassCount;
    /**
     * {@link #keyDistinctProduct} of several classes, by input set and then by the classes as a bit mask (when there
     * are at most 64 classes): each set is a side of many splits, and the product took a fifth of TPC-H Q8's
     * planning when worked out anew each time.
     */
    private final Map<Integer, Map<Long, Double>> keyDistinctProducts = new HashMap<>();

    JoinSizeEstimator(JoinGraph graph, EqualColumns equalColumns, RelMetadataQuery metadata) {
        this.graph = graph;
        this.equalColumns = equalColumns;
        this.metadata = metadata;
        int others = 0;
        for (int c = 0; c < graph.conditions().size(); c++) {
            others += equalColumns.isClassEquality(c) ? 0 : 1;
        }
        this.otherConditionInputs = new int[others];
        this.otherConditionColumns = new int[others][];
        this.otherConditionSelectivity = new double[others];
        int other = 0;
        for (int c = 0; c < graph.conditions().size(); c++) {
            if (!equalColumns.isClassEquality(c)) {
                RexNode condition = graph.conditions().get(c);
                otherConditionInputs[other] = mask(graph.inputsOf(c));
                otherConditionColumns[other] = castColumns(condition);
                otherConditionSelectivity[other++] = RelMdUtil.guessSelectivity(condition);
            }
        }
        this.fieldDistinct = new double[graph.totalFieldCount()];
        Arrays.fill(fieldDistinct, Double.NaN);
        this.classInputs = new int[equalColumns.classCount()];
        for (int k = 0; k < classInputs.length; k++) {
            classInputs[k] = mask(equalColumns.inputs(k));
        }
        this.keyClasses = new int[classInputs.length];
    }

    /** The join of input sets {@code left} and {@code right} (disjoint bit masks) holding the given rows. */
    Estimate join(int left, int right, double leftRows, double rightRows) {
        keyClassCount = 0;
        long keyClassMask = 0;
        for (int k = 0; k < classInputs.length; k++) {
            int mask = classInputs[k];
            if ((mask & left) != 0 && (mask & right) != 0) {
                keyClasses[keyClassCount++] = k;
                keyClassMask |= 1L << k; // meaningful only with at most 64 classes
            }
        }
        boolean onKeys = keyClassCount > 0;
        double selectivity = 1.0;
        int both = left | right;
        for (int c = 0; c < otherConditionInputs.length; c++) {
            int inputs = otherConditionInputs[c];
            if ((inputs & ~both) != 0 || (inputs & left) == 0 || (inputs & right) == 0) {
                continue;
            }
            int[] columns = otherConditionColumns[c];
            if (columns != null) {
                // an equality of columns of different types: still a hash key, its own containment estimate
                onKeys = true;
                selectivity /= Math.max(columnDistinct(columns[0]), columnDistinct(columns[1]));
            } else {
                selectivity *= otherConditionSelectivity[c];
            }
        }
        if (keyClassCount > 0) {
            selectivity /= Math.max(keyDistinct(keyClassMask, left, leftRows), keyDistinct(keyClassMask, right, rightRows));
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

    /**
     * The distinct values of the key columns of the current {@link #keyClasses} (those of {@code keyClassMask}) in input
     * set {@code set} of {@code rows} rows.
     */
    private double keyDistinct(long keyClassMask, int set, double rows) {
        return Math.max(1.0, Math.min(keyDistinctProduct(keyClassMask, set), rows));
    }

    private double keyDistinctProduct(long keyClassMask, int set) {
        if (keyClassCount == 1) {
            // One key column: its distinct count is the product, without building a set of one column.
            return columnDistinct(fewestDistinct(keyClasses[0], set));
        }
        if (classInputs.length > Long.SIZE) {
            return computeKeyDistinctProduct(set);
        }
        Map<Long, Double> ofSet = keyDistinctProducts.computeIfAbsent(set, s -> new HashMap<>());
        Double known = ofSet.get(keyClassMask);
        if (known == null) {
            known = computeKeyDistinctProduct(set);
            ofSet.put(keyClassMask, known);
        }
        return known;
    }

    /**
     * The product over the inputs of {@code set} of the distinct values of their columns among the key columns of
     * the current {@link #keyClasses} (each class's column of fewest distinct values in the set).
     */
    private double computeKeyDistinctProduct(int set) {
        int[] best = new int[keyClassCount];
        for (int k = 0; k < keyClassCount; k++) {
            best[k] = fewestDistinct(keyClasses[k], set);
        }
        double product = 1.0;
        for (int k = 0; k < keyClassCount; k++) {
            int input = graph.inputOf(best[k]);
            if (!firstOfInput(best, k, input)) {
                continue;
            }
            ImmutableBitSet.Builder columns = null;
            for (int j = k + 1; j < keyClassCount; j++) {
                if (graph.inputOf(best[j]) == input && best[j] != best[k]) {
                    if (columns == null) {
                        columns = ImmutableBitSet.builder().set(best[k] - graph.firstField(input));
                    }
                    columns.set(best[j] - graph.firstField(input));
                }
            }
            // one column of the input (the common case): its count, without a set of one column to look up
            product *= columns == null ? columnDistinct(best[k]) : distinct(input, columns.build());
        }
        return product;
    }

    /** Whether {@code best[k]} is the first of {@code best} in {@code input}. */
    private boolean firstOfInput(int[] best, int k, int input) {
        for (int j = 0; j < k; j++) {
            if (graph.inputOf(best[j]) == input) {
                return false;
            }
        }
        return true;
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
        Map<ImmutableBitSet, Double> ofInput = distinct.computeIfAbsent(input, i -> new HashMap<>());
        Double known = ofInput.get(columns);
        if (known == null) {
            Double count = metadata.getDistinctRowCount(graph.input(input), columns, null);
            double rows = graph.rows(input);
            known = count == null || count.isNaN() ? rows : Math.max(1.0, Math.min(count, rows));
            ofInput.put(columns, known);
        }
        return known;
    }
}
