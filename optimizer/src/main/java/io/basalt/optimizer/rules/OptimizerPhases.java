package io.basalt.optimizer.rules;

import io.basalt.optimizer.cost.BasaltCostFactory;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;

import java.util.List;
import java.util.Optional;

/**
 * The optimizer's phases, in order. Each heuristic phase runs its rules to a fixed point with a HepPlanner, which
 * applies rules in a fixed order and so gives the same plan for the same query every time. The subquery,
 * decorrelation, join order and window phases run only when the plan holds what they change ({@link PlanShape}).
 *
 * <ol>
 *   <li><b>subqueries</b>: IN / EXISTS / scalar subqueries become joins (with correlation where they refer to the
 *       outer query);</li>
 *   <li><b>decorrelation</b>: {@link RelDecorrelator} turns correlated joins (LATERAL, correlated subqueries) into
 *       ordinary joins and aggregates, after {@link LateralJoins} made the shapes it gets wrong right or loud;</li>
 *   <li><b>trim</b>: every operator keeps only the columns someone above uses;</li>
 *   <li><b>simplify</b>: constant folding, filter push-down (through projections, aggregates, set operations
 *       and into join conditions, down to the scans), merging adjacent projections and filters, semi joins from
 *       joins that only test existence, set operations rewritten to UNION ALL and aggregates (the ALL forms of
 *       INTERSECT and EXCEPT also repeat rows by count, {@link SetOperationAllRule}); then filters that an
 *       OR in a join condition implies for one input ({@link JoinDisjunctionFilters}, TPC-H Q7), pushed down by
 *       the filter rules alone;</li>
 *   <li><b>join order</b>: each tree of joins becomes one multi-join; {@link ExhaustiveJoinOrderRule} orders one
 *       of inner joins by trying every tree of connected sets of its inputs (bushy ones too) at Basalt's costs; one
 *       of more than {@value GreedyJoinOrderRule#WIDEST_COST_BASED} inner joined inputs {@link GreedyJoinOrderRule}
 *       orders left-deep instead; one holding outer joins Calcite's {@code LoptOptimizeJoinRule} (greedily, by
 *       {@code OperatorCostModel} through Calcite's metadata); only when some join has a join as
 *       input or is an outer join (an inner join of two inputs leaves no order to choose). Before ordering, two
 *       inputs joined on one key also get the equalities of other keys the conditions imply
 *       ({@link TransitiveJoinKeysRule}, TPC-H Q2's decorrelated subquery), and an aggregate that only groups by a
 *       key-joined dimension side is moved below that join ({@link AggregateBelowKeyJoin}, TPC-H Q10);</li>
 *   <li><b>grouping keys</b>: an aggregate grouped by a table's key and other columns of the same table row groups
 *       by the key alone and carries the others ({@link FunctionallyDependentGroupKeys}, TPC-H Q10);</li>
 *   <li><b>cleanup</b>: filters and projections settle right above the scans again so the physical plan builder
 *       can push them into the scans; trivial projections disappear, and so do aggregates whose input is already
 *       unique on their keys (here rather than in the simplify program, whose fixed point ran their uniqueness test,
 *       which pulls up predicates, on every pass: 3 % of planning the TPC-H queries, none of which it removes);</li>
 *   <li><b>windows</b>: a projection holding window functions ({@code OVER}) becomes a projection, a window
 *       operator and a projection;</li>
 *   <li><b>shared subplans</b>: a subplan the plan holds twice (a CTE read twice) is computed once
 *       ({@link SharedSubplans}), after a table read by a query and by its decorrelated aggregate subquery is
 *       semi-joined on both sides with the filter the subquery's result is joined with, so both read one subplan
 *       ({@link SemiJoinsForSharing}, TPC-H Q17); unless the planner options turn it off.</li>
 * </ol>
 */
public final class OptimizerPhases {

    private static final List<RelOptRule> SUBQUERY_RULES = List.of(
            SubQueryToSemiJoinRule.INSTANCE,
            CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
            CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
            CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

    private static final List<RelOptRule> SIMPLIFY_RULES = List.of(
            CoreRules.FILTER_REDUCE_EXPRESSIONS,
            CoreRules.PROJECT_REDUCE_EXPRESSIONS,
            CoreRules.JOIN_REDUCE_EXPRESSIONS,
            CoreRules.FILTER_MERGE,
            OrFactoringRule.INSTANCE,
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_AGGREGATE_TRANSPOSE,
            CoreRules.FILTER_SET_OP_TRANSPOSE,
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE,
            CoreRules.AGGREGATE_PROJECT_MERGE,
            CoreRules.PROJECT_TO_SEMI_JOIN,
            CoreRules.JOIN_TO_SEMI_JOIN,
            CoreRules.UNION_TO_DISTINCT,
            CoreRules.INTERSECT_TO_DISTINCT,
            CoreRules.MINUS_TO_DISTINCT,
            SetOperationAllRule.INTERSECT,
            SetOperationAllRule.EXCEPT,
            CoreRules.UNION_MERGE,
            CoreRules.SORT_REMOVE);

    /**
     * What moves the filters {@link JoinDisjunctionFilters} derived down to the scans, merged into the filters
     * there: the simplify program had already run to its fixed point on the rest of the plan, so the other
     * simplify rules would only walk it again (twice the simplify program's time in TPC-H Q7 and Q19).
     */
    private static final List<RelOptRule> DERIVED_FILTER_RULES = List.of(
            CoreRules.FILTER_REDUCE_EXPRESSIONS,
            CoreRules.FILTER_MERGE,
            OrFactoringRule.INSTANCE,
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_AGGREGATE_TRANSPOSE,
            CoreRules.FILTER_SET_OP_TRANSPOSE,
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH);

    private static final List<RelOptRule> CLEANUP_RULES = List.of(
            CoreRules.AGGREGATE_REMOVE,
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_MERGE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE,
            CoreRules.JOIN_PUSH_EXPRESSIONS);

    /** Windows out of projections; then the columns a window does not use leave its input (the scan reads fewer). */
    private static final List<RelOptRule> WINDOW_RULES = List.of(
            CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW,
            CoreRules.PROJECT_WINDOW_TRANSPOSE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE);

    /** Calcite's join ordering, for the multi-joins Basalt's orderers leave: those holding outer joins. */
    private static final RelOptRule OUTER_JOIN_ORDER = CoreRules.MULTI_JOIN_OPTIMIZE.config
            .withOperandSupplier(b -> b.operand(MultiJoin.class)
                    .predicate(join -> !GreedyJoinOrderRule.applies(join) && !ExhaustiveJoinOrderRule.applies(join))
                    .anyInputs())
            .toRule();

    private OptimizerPhases() {
    }

    public static RelNode optimize(RelNode query) {
        return optimize(query, true);
    }

    /** @param shareSubplans whether the last phase computes a repeated subplan once (off only to compare, in tests) */
    public static RelNode optimize(RelNode query, boolean shareSubplans) {
        // Phases run only on plans of the shape they change (PlanShape): most queries have no subquery, no
        // correlation, no window and few joins, and an idle pass still walks the plan once per rule.
        RelNode rel = NullOperandFolding.fold(query);
        if (PlanShape.of(rel).hasSubQueries()) {
            rel = runHep(rel, SUBQUERY_RULES, HepMatchOrder.DEPTH_FIRST);
        }
        RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
        if (PlanShape.of(rel).hasCorrelation()) {
            rel = RelDecorrelator.decorrelateQuery(LateralJoins.prepare(rel), relBuilder);
        }
        // One trimmer for both passes: it finds its method for each kind of operator by reflection once, and a
        // failed lookup in a class's superclasses throws (NoSuchMethodException: 1 % of TPC-H Q11's planning). Its
        // builder does not simplify the conditions it rebuilds: the simplify phase after the first pass does, and the
        // second pass only renumbers fields of conditions already simplified (RexSimplify in the trimmer's filters was
        // 2 % of planning the 22 TPC-H queries; their plans are the same without it).
        RelFieldTrimmer trimmer = new RelFieldTrimmer(null, RelBuilder.proto(Contexts.of(
                RelBuilder.Config.DEFAULT.withSimplify(false))).create(rel.getCluster(), null));
        rel = trimmer.trim(rel);
        rel = runHep(rel, SIMPLIFY_RULES, HepMatchOrder.DEPTH_FIRST);
        Optional<RelNode> derived = JoinDisjunctionFilters.derive(rel, rel.getCluster().getPlanner().getExecutor());
        if (derived.isPresent()) {
            // The derived filters still have to travel down to the scans.
            rel = runHep(derived.get(), DERIVED_FILTER_RULES, HepMatchOrder.DEPTH_FIRST);
        }
        if (PlanShape.of(rel).hasJoinsToOrder()) {
            rel = orderJoins(rel);
        }
        rel = FunctionallyDependentGroupKeys.apply(rel);
        rel = trimmer.trim(rel);
        rel = runHep(rel, CLEANUP_RULES, HepMatchOrder.DEPTH_FIRST);
        // Last, so that no earlier rule has to know windows: filters and projections never move through a
        // projection holding OVER (Calcite's rules check), and only such projections change here.
        if (PlanShape.of(rel).hasWindows()) {
            rel = runHep(rel, WINDOW_RULES, HepMatchOrder.DEPTH_FIRST);
        }
        // After every rewrite: two places are equal only once both went through the same ones.
        if (shareSubplans) {
            rel = SharedSubplans.share(SemiJoinsForSharing.apply(rel));
        }
        return rel;
    }

    private static RelNode orderJoins(RelNode rel) {
        // First gather every tree of inner joins into one MultiJoin, then order each; one program doing both
        // would order partial trees.
        HepProgram gather = new HepProgramBuilder()
                .addMatchOrder(HepMatchOrder.BOTTOM_UP)
                .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
                .build();
        HepProgram order = new HepProgramBuilder()
                .addRuleInstance(TransitiveJoinKeysRule.INSTANCE)
                .addRuleInstance(ExhaustiveJoinOrderRule.INSTANCE)
                .addRuleInstance(GreedyJoinOrderRule.INSTANCE)
                .addRuleInstance(OUTER_JOIN_ORDER)
                .build();
        RelNode gathered = run(rel, gather);
        RelNode aggregatedEarly = AggregateBelowKeyJoin.apply(gathered);
        if (aggregatedEarly != gathered) {
            gathered = run(aggregatedEarly, gather); // the two sides' new joins become multi-joins too
        }
        return run(gathered, order);
    }

    private static RelNode runHep(RelNode rel, List<RelOptRule> rules, HepMatchOrder order) {
        HepProgram program = new HepProgramBuilder().addMatchOrder(order).addRuleCollection(rules).build();
        return run(rel, program);
    }

    private static RelNode run(RelNode rel, HepProgram program) {
        HepPlanner planner = new HepPlanner(program, null, true, null, BasaltCostFactory.INSTANCE);
        planner.setExecutor(rel.getCluster().getPlanner().getExecutor());
        // A phase runs its rules to a fixed point, and every pass used to try every rule on every operator again,
        // though few changed: the fired-rules cache tries a rule on the same operators (by id) once, and the
        // large-plan mode goes on from a rewritten operator instead of walking the plan again from the root, and
        // collects unreachable operators less often. Planning the 22 TPC-H queries: 4 % less CPU, the same plans
        // (docs/benchmarks.md, twenty-ninth session). An operator whose input changed below it keeps its id, so a
        // rule that reads its input's metadata is not tried on it again: a rewrite it would then find is missed,
        // never a wrong plan made.
        planner.setEnableFiredRulesCache(true);
        planner.setLargePlanMode(true);
        planner.setRoot(rel);
        return planner.findBestExp();
    }
}
