package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.MultiJoin;

/**
 * Orders a multi-join of inner joins of at most {@link GreedyJoinOrderRule#WIDEST_COST_BASED} inputs by trying
 * every join tree (bushy ones included) that joins connected sets of inputs, by dynamic programming over the sets:
 * the cheapest way to join a set is the cheapest split of it into two sets already planned that an equality (a
 * class of {@link EqualColumns}, or one of columns of different types) relates. Rows come from
 * {@link JoinSizeEstimator}; a set's rows are the fewest its splits estimate. A cross product, or a join on other
 * conditions alone, only for a set no equality connects.
 *
 * <p>The cost of a tree is what Basalt's hash join does (as {@code OperatorCostModel} charges it): each join builds
 * its hash table from the smaller side, which costs twice a probe per row, probes with the other and emits its
 * output; a probe side that is a table scan has the build side's join filter remove the rows that cannot match
 * before they are probed, at a quarter of a probe each. A join without equality keys compares every pair. Scans
 * cost the same in every order and are left out.
 *
 * <p>Why not {@code LoptOptimizeJoinRule}: it grows one tree greedily from each input and only ever adds a single
 * input, or joins a pair, to it, so it misses plans like TPC-H Q9's best, where part ⋈ partsupp (40 K rows) is the
 * build side for lineitem, and instead builds lineitem ⋈ part (300 K rows of six columns) to probe partsupp.
 * It also costs every partial tree through Calcite's metadata; this rule takes the estimates of the inputs and
 * their key columns once, and for TPC-H's widest join (8 inputs) costs 3<sup>8</sup> splits from numbers.
 */
public final class ExhaustiveJoinOrderRule extends RelRule<RuleConfig> {

    /** An insert into the hash table against a probe: about twice the work (the physical cost model's ratio). */
    private static final double BUILD_ROW_COST = 2.0;

    /**
     * A probe scan's row removed by the join filter the build side pushed into it (a bitmap or Bloom test) against
     * a probe (a hash table lookup): about a quarter.
     */
    private static final double SCAN_JOIN_FILTER_ROW_COST = 0.25;

    public static final ExhaustiveJoinOrderRule INSTANCE = (ExhaustiveJoinOrderRule) new RuleConfig(
            RelFactories.LOGICAL_BUILDER, "ExhaustiveJoinOrderRule",
            b -> b.operand(MultiJoin.class).predicate(ExhaustiveJoinOrderRule::applies).anyInputs(),
            ExhaustiveJoinOrderRule::new).toRule();

    private ExhaustiveJoinOrderRule(RuleConfig config) {
        super(config);
    }

    /**
     * Whether this rule orders {@code join}: inner joins of at most {@link GreedyJoinOrderRule#WIDEST_COST_BASED}
     * inputs.
     */
    public static boolean applies(MultiJoin join) {
        return join.getInputs().size() <= GreedyJoinOrderRule.WIDEST_COST_BASED
                && JoinGraph.innerJoinsOnly(join);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        MultiJoin join = call.rel(0);
        JoinGraph graph = JoinGraph.of(join, call.getMetadataQuery());
        EqualColumns equalColumns = EqualColumns.of(graph);
        JoinTree tree = cheapestTree(graph, new JoinSizeEstimator(graph, equalColumns, call.getMetadataQuery()));
        call.transformTo(JoinTreeBuilder.build(join, graph, equalColumns, tree, call.builder()));
    }

    static JoinTree cheapestTree(JoinGraph graph, JoinSizeEstimator estimator) {
        int count = graph.inputCount();
        int all = (1 << count) - 1;
        double[] rows = new double[all + 1];
        double[] cost = new double[all + 1];
        // the left side of a set's cheapest split (0: not planned yet); a single input is its own
        int[] bestLeft = new int[all + 1];
        boolean[] connected = new boolean[all + 1];
        for (int input = 0; input < count; input++) {
            int set = 1 << input;
            rows[set] = graph.rows(input);
            bestLeft[set] = set;
            connected[set] = true;
        }
        for (int set = 1; set <= all; set++) {
            if (Integer.bitCount(set) < 2) {
                continue;
            }
            // Subsets are smaller numbers than their set, so every split's sides are planned by now.
            connected[set] = plan(set, true, rows, cost, bestLeft, connected, estimator);
            if (!connected[set]) {
                plan(set, false, rows, cost, bestLeft, connected, estimator);
            }
        }
        return tree(all, bestLeft, rows);
    }

    /**
     * Plans {@code set} from its splits into two planned sets (each split once: the left holds the set's lowest
     * input), only splits of two connected sets that an equality relates when {@code connectedOnly}; returns
     * whether some split qualified. The set's rows are the fewest any split estimates: each split's estimate
     * misses what the other splits' conditions say (TPC-H Q7's supplier joined last on two keys, key and nation,
     * estimates 37 K rows; lineitem joined last on one key, 1.7 M), and every split yields the same rows.
     */
    private static boolean plan(int set, boolean connectedOnly, double[] rows, double[] cost, int[] bestLeft,
                                boolean[] connected, JoinSizeEstimator estimator) {
        int lowest = set & -set;
        int splits = 0;
        int[] lefts = new int[1 << Integer.bitCount(set)];
        JoinSizeEstimator.Estimate[] estimates = new JoinSizeEstimator.Estimate[lefts.length];
        double fewest = Double.POSITIVE_INFINITY;
        for (int left = (set - 1) & set; left > 0; left = (left - 1) & set) {
            int right = set ^ left;
            if ((left & lowest) == 0 || (connectedOnly && !(connected[left] && connected[right]))) {
                continue;
            }
            JoinSizeEstimator.Estimate estimate = estimator.join(left, right, rows[left], rows[right]);
            if (connectedOnly && !estimate.onKeys()) {
                continue;
            }
            lefts[splits] = left;
            estimates[splits++] = estimate;
            fewest = Math.min(fewest, estimate.rows());
        }
        if (splits == 0) {
            return false;
        }
        rows[set] = fewest;
        for (int i = 0; i < splits; i++) {
            int left = lefts[i];
            int right = set ^ left;
            double total = cost[left] + cost[right] + joinCost(rows[left], rows[right], rows[set],
                    estimates[i].onKeys(), Integer.bitCount(left) == 1, Integer.bitCount(right) == 1);
            if (bestLeft[set] == 0 || total < cost[set]) {
                cost[set] = total;
                bestLeft[set] = left;
            }
        }
        return true;
    }

    private static double joinCost(double leftRows, double rightRows, double outputRows, boolean hashJoin,
                                   boolean leftIsScan, boolean rightIsScan) {
        if (!hashJoin) {
            return leftRows * rightRows + outputRows;
        }
        boolean buildsLeft = leftRows < rightRows;
        double build = buildsLeft ? leftRows : rightRows;
        double probe = buildsLeft ? rightRows : leftRows;
        if (buildsLeft ? rightIsScan : leftIsScan) {
            // A probe side of one input is most often a table scan (a subquery is taken as one). The scan tests the
            // build side's join filter on every row and passes on only the rows that may match, about the join's
            // output: the probe proper meets those.
            probe = SCAN_JOIN_FILTER_ROW_COST * probe + Math.min(probe, outputRows);
        }
        return BUILD_ROW_COST * build + probe + outputRows;
    }

    /** The cheapest tree of {@code set}, the side of more rows on the left (the probe side, as plans print it). */
    private static JoinTree tree(int set, int[] bestLeft, double[] rows) {
        if (Integer.bitCount(set) == 1) {
            return JoinTree.leaf(Integer.numberOfTrailingZeros(set));
        }
        int left = bestLeft[set];
        int right = set ^ left;
        if (rows[right] > rows[left]) {
            int larger = right;
            right = left;
            left = larger;
        }
        return JoinTree.join(tree(left, bestLeft, rows), tree(right, bestLeft, rows));
    }
}
