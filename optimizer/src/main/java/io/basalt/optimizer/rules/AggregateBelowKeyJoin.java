package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates a multi-join's fact side before joining its dimension side, when the two are joined by one equality on a
 * column unique in the dimension side, the aggregate groups by that column (or its fact-side partner) and reads
 * nothing else of the dimension side than grouping columns and {@code ANY_VALUE}s. TPC-H Q10 joins customer ⋈ nation
 * to orders ⋈ lineitem on {@code c_custkey = o_custkey} and groups by {@code c_custkey} and six more customer and
 * nation columns to sum lineitem's revenue: it now sums per {@code o_custkey} over orders ⋈ lineitem (1.1 million
 * rows at scale factor 10 into 381,000 groups) and joins the groups with customer ⋈ nation, instead of copying every
 * customer's name, address and comment into each of the 1.1 million joined rows and grouping by them.
 *
 * <p>Same rows: the dimension side D is unique on its key d, so each fact row meets at most one D row, and a group of
 * the original aggregate (which holds d or the fact column r equated with it) is exactly the fact rows of one r value
 * that meet a D row; the join after the aggregate drops the groups whose r meets none, as the join before it dropped
 * their rows (a NULL r included). D's other grouping columns and {@code ANY_VALUE}s come from that one D row.
 *
 * <p>When the aggregate groups by D's other columns but not by its key (TPC-H Q9: by {@code n_name} and the year,
 * nation joined on {@code s_nationkey}), the fact side is grouped by r and its own grouping columns below the join
 * and the joined groups are grouped again above it, each call combining per-key partial results (SUM, MIN, MAX and
 * ANY_VALUE of themselves, COUNT by summing); only when the groups below are estimated at most a thousandth of the
 * fact rows ({@link GroupValueEstimate}: Q9's 25 nations × 7 years of 2 million rows at scale factor 1), since
 * otherwise the second aggregate costs what the narrower join saves. Q9 at scale factor 10, warm: 1.1 s → 0.75 s,
 * the nation name no longer copied into 3 million joined rows.
 *
 * <p>Only where D does not filter the fact side much: D must have at least half as many rows as r has distinct values
 * (estimates), since a filtering D (TPC-H Q3's customers of one segment) is better joined first, its join filter
 * shrinking the fact scan before anything is aggregated. Runs on the multi-joins gathered for join ordering, before
 * the orderers, which then order the dimension side with the aggregate and the fact side below it separately.
 */
final class AggregateBelowKeyJoin {

    /** D must have at least this share of r's distinct values: otherwise joining first filters the fact side. */
    private static final double MIN_DIMENSION_SHARE = 0.5;

    /** How many times fewer groups than rows a regrouping cut's aggregate below must make (estimates). */
    private static final double MIN_REGROUP_SHRINK = 1000;

    private AggregateBelowKeyJoin() {
    }

    static RelNode apply(RelNode rel) {
        return AggregateRewrites.bottomUp(rel, AggregateBelowKeyJoin::rewrite);
    }

    private static RelNode rewrite(LogicalAggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || aggregate.getGroupCount() == 0) {
            return aggregate;
        }
        List<RexNode> projects;
        MultiJoin join;
        if (aggregate.getInput() instanceof LogicalProject project && project.getInput() instanceof MultiJoin multiJoin) {
            projects = project.getProjects();
            join = multiJoin;
        } else if (aggregate.getInput() instanceof MultiJoin multiJoin) {
            projects = identity(multiJoin);
            join = multiJoin;
        } else {
            return aggregate;
        }
        if (!JoinGraph.innerJoinsOnly(join) || join.getPostJoinFilter() != null) {
            return aggregate;
        }
        Shape shape = Shape.of(aggregate, projects, join);
        if (shape == null) {
            return aggregate;
        }
        // A cut whose key the aggregate groups by comes first: nothing to group again above it.
        for (boolean regroupAllowed : new boolean[] {false, true}) {
            for (RexNode condition : shape.conditions) {
                for (boolean leftIsDimension : new boolean[] {true, false}) {
                    RelNode rewritten = tryCut(aggregate, shape, condition, leftIsDimension, regroupAllowed);
                    if (rewritten != null) {
                        return rewritten;
                    }
                }
            }
        }
        return aggregate;
    }

    private static List<RexNode> identity(MultiJoin join) {
        List<RexNode> refs = new ArrayList<>();
        for (int field = 0; field < join.getRowType().getFieldCount(); field++) {
            refs.add(RexInputRef.of(field, join.getRowType()));
        }
        return refs;
    }

    /** The aggregate read as fields of the multi-join: which inputs hold what it groups by and what it computes. */
    private record Shape(MultiJoin join, List<RexNode> projects, int[] inputOfField, int[] firstField,
                         List<RexNode> conditions, List<ImmutableBitSet> inputsOf, List<Integer> groupColumns,
                         int[] groupFields, List<ImmutableBitSet> groupInputs, boolean[] carried, int[] carriedFields,
                         ImmutableBitSet callInputs) {

        static Shape of(LogicalAggregate aggregate, List<RexNode> projects, MultiJoin join) {
            List<RelNode> inputs = join.getInputs();
            int[] firstField = new int[inputs.size() + 1];
            int[] inputOfField = new int[join.getRowType().getFieldCount()];
            for (int i = 0; i < inputs.size(); i++) {
                firstField[i + 1] = firstField[i] + inputs.get(i).getRowType().getFieldCount();
                for (int field = firstField[i]; field < firstField[i + 1]; field++) {
                    inputOfField[field] = i;
                }
            }
            List<RexNode> conditions = RelOptUtil.conjunctions(join.getJoinFilter());
            List<ImmutableBitSet> inputsOf = new ArrayList<>();
            for (RexNode condition : conditions) {
                ImmutableBitSet.Builder referenced = ImmutableBitSet.builder();
                RelOptUtil.InputFinder.bits(condition).forEach(field -> referenced.set(inputOfField[field]));
                inputsOf.add(referenced.build());
            }
            List<Integer> groupColumns = aggregate.getGroupSet().asList();
            int[] groupFields = new int[groupColumns.size()];
            List<ImmutableBitSet> groupInputs = new ArrayList<>();
            for (int g = 0; g < groupFields.length; g++) {
                RexNode group = projects.get(groupColumns.get(g));
                // A column, or an expression (TPC-H Q9's year of o_orderdate): -1, computed below on the fact side.
                groupFields[g] = group instanceof RexInputRef ref ? ref.getIndex() : -1;
                ImmutableBitSet.Builder groupInput = ImmutableBitSet.builder();
                RelOptUtil.InputFinder.bits(group).forEach(field -> groupInput.set(inputOfField[field]));
                groupInputs.add(groupInput.build());
            }
            List<AggregateCall> calls = aggregate.getAggCallList();
            boolean[] carried = new boolean[calls.size()];
            int[] carriedFields = new int[calls.size()];
            ImmutableBitSet.Builder callInputs = ImmutableBitSet.builder();
            for (int c = 0; c < calls.size(); c++) {
                AggregateCall call = calls.get(c);
                if (!call.getCollation().getFieldCollations().isEmpty() || call.distinctKeys != null
                        || !call.rexList.isEmpty()) {
                    return null;
                }
                if (call.getAggregation().getKind() == SqlKind.ANY_VALUE && call.getArgList().size() == 1
                        && !call.hasFilter() && projects.get(call.getArgList().get(0)) instanceof RexInputRef ref) {
                    carried[c] = true;
                    carriedFields[c] = ref.getIndex();
                    continue;
                }
                List<Integer> arguments = new ArrayList<>(call.getArgList());
                if (call.hasFilter()) {
                    arguments.add(call.filterArg);
                }
                for (int argument : arguments) {
                    RelOptUtil.InputFinder.bits(projects.get(argument))
                            .forEach(field -> callInputs.set(inputOfField[field]));
                }
            }
            return new Shape(join, projects, inputOfField, firstField, conditions, inputsOf, groupColumns, groupFields,
                    groupInputs, carried, carriedFields, callInputs.build());
        }

        int inputCount() {
            return join.getInputs().size();
        }

        /** The inputs connected to {@code start} by the conditions other than {@code without}. */
        ImmutableBitSet componentOf(int start, RexNode without) {
            ImmutableBitSet component = ImmutableBitSet.of(start);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int c = 0; c < conditions.size(); c++) {
                    if (conditions.get(c) != without && inputsOf.get(c).intersects(component)
                            && !component.contains(inputsOf.get(c))) {
                        component = component.union(inputsOf.get(c));
                        grew = true;
                    }
                }
            }
            return component;
        }
    }

    /**
     * The aggregate rewritten with {@code condition} (an equality of a column of each side) as the cut between the
     * dimension side (its left column's side when {@code leftIsDimension}) and the fact side, or null when that cut does
     * not qualify; with {@code regroupAllowed} only a cut that needs regrouping above, without it only one that does not.
     */
    private static RelNode tryCut(LogicalAggregate aggregate, Shape shape, RexNode condition, boolean leftIsDimension,
                                  boolean regroupAllowed) {
        if (condition.getKind() != SqlKind.EQUALS
                || !(((RexCall) condition).getOperands().get(0) instanceof RexInputRef left)
                || !(((RexCall) condition).getOperands().get(1) instanceof RexInputRef right)) {
            return null;
        }
        int dimensionKey = leftIsDimension ? left.getIndex() : right.getIndex();
        int factKey = leftIsDimension ? right.getIndex() : left.getIndex();
        int dimensionInput = shape.inputOfField[dimensionKey];
        ImmutableBitSet dimension = shape.componentOf(dimensionInput, condition);
        ImmutableBitSet fact = ImmutableBitSet.range(shape.inputCount()).except(dimension);
        if (fact.isEmpty() || !fact.contains(shape.componentOf(shape.inputOfField[factKey], condition))
                || shape.callInputs.intersects(dimension)) {
            return null; // not a bridge between two parts, or the aggregate computes over the dimension side
        }
        boolean groupsByKey = false;
        boolean groupsByDimension = false;
        for (int g = 0; g < shape.groupFields.length; g++) {
            int field = shape.groupFields[g];
            if (field < 0 && !fact.contains(shape.groupInputs.get(g))) {
                return null; // an expression over the dimension side
            }
            groupsByKey |= field == dimensionKey || field == factKey;
            groupsByDimension |= field >= 0 && dimension.get(shape.inputOfField[field]);
        }
        boolean[] carried = shape.carried.clone();
        for (int c = 0; c < carried.length; c++) {
            if (carried[c] && !dimension.get(shape.inputOfField[shape.carriedFields[c]])) {
                carried[c] = false; // ANY_VALUE of a fact column: computed below like the other calls
            }
        }
        // Not grouped by the key: grouped by it below and again above, when the aggregate groups by the dimension
        // side's columns and every call adds up from per-key partial results.
        boolean regroup = !groupsByKey;
        if (regroup != regroupAllowed) {
            return null; // a cut needing no regrouping was tried in the first pass
        }
        if (regroup && (!groupsByDimension || !regroupable(aggregate.getAggCallList()))) {
            return null;
        }
        RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(aggregate.getCluster(), null);
        Side dimensionSide = Side.build(shape, dimension, builder);
        Side factSide = Side.build(shape, fact, builder);
        RelMetadataQuery metadata = aggregate.getCluster().getMetadataQuery();
        int dimensionKeyThere = dimensionSide.fieldOf(dimensionKey);
        int factKeyThere = factSide.fieldOf(factKey);
        if (!Boolean.TRUE.equals(metadata.areColumnsUnique(dimensionSide.rel, ImmutableBitSet.of(dimensionKeyThere)))) {
            return null;
        }
        Double dimensionRows = metadata.getRowCount(dimensionSide.rel);
        Double factKeys = metadata.getDistinctRowCount(factSide.rel, ImmutableBitSet.of(factKeyThere), null);
        if (dimensionRows == null || factKeys == null || dimensionRows < MIN_DIMENSION_SHARE * factKeys
                || regroup && !fewGroupsBelow(shape, dimension, factSide, factKeys, metadata)) {
            return null;
        }
        RelNode rewritten = rewritten(aggregate, shape, carried, dimension, dimensionSide, factSide, dimensionKey,
                factKey, builder);
        return regroup ? regrouped(aggregate, rewritten) : rewritten;
    }

    /**
     * Whether the groups below a regrouping cut (the fact key's values times those of the fact side's grouping
     * columns and expressions) are at most a {@link #MIN_REGROUP_SHRINK}th of the fact side's rows: otherwise the
     * aggregate below is about as large as the one it replaces, and grouping again above costs more than the narrower
     * join saves.
     */
    private static boolean fewGroupsBelow(Shape shape, ImmutableBitSet dimension, Side factSide, double factKeys,
                                          RelMetadataQuery metadata) {
        double groups = factKeys;
        for (int g = 0; g < shape.groupFields.length; g++) {
            int field = shape.groupFields[g];
            if (field >= 0 && dimension.get(shape.inputOfField[field])) {
                continue;
            }
            RexNode expression = shape.projects.get(shape.groupColumns.get(g))
                    .accept(RexPermuteInputsShuttle.of(factSide.fields));
            Double values = GroupValueEstimate.distinct(factSide.rel, expression, metadata);
            if (values == null) {
                return false;
            }
            groups *= values;
        }
        Double rows = metadata.getRowCount(factSide.rel);
        return rows != null && groups * MIN_REGROUP_SHRINK <= rows;
    }

    /** Whether every call gives the same result computed over per-key partial results ({@link #regrouped}). */
    private static boolean regroupable(List<AggregateCall> calls) {
        for (AggregateCall call : calls) {
            boolean combinable = switch (call.getAggregation().getKind()) {
                case SUM, SUM0, COUNT, MIN, MAX, ANY_VALUE -> true;
                default -> false;
            };
            if (call.isDistinct() || !combinable) {
                return false;
            }
        }
        return true;
    }

    /**
     * The aggregate over {@code partial}, which has the aggregate's row type but one row per fact key (and group):
     * grouped again by the group columns, each call combining the partial results (a COUNT's counts summed).
     */
    private static RelNode regrouped(LogicalAggregate aggregate, RelNode partial) {
        if (partial == null) {
            return null;
        }
        int groupCount = aggregate.getGroupCount();
        List<AggregateCall> calls = new ArrayList<>();
        for (int c = 0; c < aggregate.getAggCallList().size(); c++) {
            AggregateCall call = aggregate.getAggCallList().get(c);
            List<Integer> partialResult = List.of(groupCount + c);
            calls.add(call.getAggregation().getKind() == SqlKind.COUNT
                    ? AggregateCall.create(SqlStdOperatorTable.SUM0, false, false, false, List.of(), partialResult, -1,
                            null, RelCollations.EMPTY, call.getType(), call.getName())
                    : call.copy(partialResult, -1));
        }
        RelNode result = LogicalAggregate.create(partial, List.of(), ImmutableBitSet.range(groupCount), null, calls);
        return RelOptUtil.areRowTypesEqual(result.getRowType(), aggregate.getRowType(), false) ? result : null;
    }

    private static RelNode rewritten(LogicalAggregate aggregate, Shape shape, boolean[] carried, ImmutableBitSet dimension,
                                     Side dimensionSide, Side factSide, int dimensionKey, int factKey,
                                     RelBuilder builder) {
        // Below the join: the fact side's columns and every call's arguments over them, aggregated by the fact key
        // and the grouping columns the fact side holds.
        builder.push(factSide.rel);
        List<RexNode> below = new ArrayList<>(builder.fields());
        ImmutableBitSet.Builder groups = ImmutableBitSet.builder();
        groups.set(factSide.fieldOf(factKey));
        int[] belowGroup = new int[shape.groupFields.length];
        for (int g = 0; g < belowGroup.length; g++) {
            int field = shape.groupFields[g];
            if (field >= 0 && dimension.get(shape.inputOfField[field])) {
                belowGroup[g] = -1;
                continue;
            }
            if (field >= 0) {
                belowGroup[g] = factSide.fieldOf(field);
            } else {
                below.add(shape.projects.get(shape.groupColumns.get(g))
                        .accept(RexPermuteInputsShuttle.of(factSide.fields)));
                belowGroup[g] = below.size() - 1;
            }
            groups.set(belowGroup[g]);
        }
        List<AggregateCall> calls = aggregate.getAggCallList();
        List<AggregateCall> belowCalls = new ArrayList<>();
        for (int c = 0; c < calls.size(); c++) {
            if (carried[c]) {
                continue;
            }
            AggregateCall call = calls.get(c);
            List<Integer> arguments = new ArrayList<>();
            for (int argument : call.getArgList()) {
                below.add(shape.projects.get(argument).accept(RexPermuteInputsShuttle.of(factSide.fields)));
                arguments.add(below.size() - 1);
            }
            int filter = -1;
            if (call.hasFilter()) {
                below.add(shape.projects.get(call.filterArg).accept(RexPermuteInputsShuttle.of(factSide.fields)));
                filter = below.size() - 1;
            }
            belowCalls.add(call.copy(arguments, filter));
        }
        builder.project(below, List.of(), true);
        ImmutableBitSet groupSet = groups.build();
        RelNode grouped = LogicalAggregate.create(builder.build(), List.of(), groupSet, null, belowCalls);

        // Above: the dimension side joined with the groups on its key, the columns in the aggregate's order.
        int dimensionWidth = dimensionSide.rel.getRowType().getFieldCount();
        builder.push(dimensionSide.rel).push(grouped);
        builder.join(JoinRelType.INNER, builder.equals(builder.field(2, 0, dimensionSide.fieldOf(dimensionKey)),
                builder.field(2, 1, groupSet.indexOf(factSide.fieldOf(factKey)))));
        List<RexNode> output = new ArrayList<>();
        for (int g = 0; g < belowGroup.length; g++) {
            output.add(belowGroup[g] < 0 ? builder.field(dimensionSide.fieldOf(shape.groupFields[g]))
                    : builder.field(dimensionWidth + groupSet.indexOf(belowGroup[g])));
        }
        int computed = 0;
        for (int c = 0; c < calls.size(); c++) {
            output.add(carried[c] ? builder.field(dimensionSide.fieldOf(shape.carriedFields[c]))
                    : builder.field(dimensionWidth + groupSet.cardinality() + computed++));
        }
        builder.project(output, aggregate.getRowType().getFieldNames(), true);
        RelNode result = builder.build();
        return RelOptUtil.areRowTypesEqual(result.getRowType(), aggregate.getRowType(), false) ? result : null;
    }

    /** One side of the cut: its inputs joined with the conditions among them, and where each multi-join field went. */
    private record Side(RelNode rel, Mapping fields) {

        static Side build(Shape shape, ImmutableBitSet inputs, RelBuilder builder) {
            int width = 0;
            Mapping fields = Mappings.create(MappingType.PARTIAL_FUNCTION, shape.inputOfField.length,
                    inputs.asList().stream().mapToInt(i -> shape.firstField[i + 1] - shape.firstField[i]).sum());
            for (int input : inputs) {
                for (int field = shape.firstField[input]; field < shape.firstField[input + 1]; field++) {
                    fields.set(field, width++);
                }
            }
            List<RexNode> pending = new ArrayList<>();
            for (int c = 0; c < shape.conditions.size(); c++) {
                if (inputs.contains(shape.inputsOf.get(c))) {
                    pending.add(shape.conditions.get(c));
                }
            }
            ImmutableBitSet joined = ImmutableBitSet.of();
            for (int input : inputs) {
                builder.push(shape.join.getInputs().get(input));
                boolean first = joined.isEmpty();
                joined = joined.set(input);
                List<RexNode> ready = new ArrayList<>();
                for (RexNode condition : List.copyOf(pending)) {
                    ImmutableBitSet needs = ImmutableBitSet.of();
                    for (int field : RelOptUtil.InputFinder.bits(condition)) {
                        needs = needs.set(shape.inputOfField[field]);
                    }
                    if (joined.contains(needs)) {
                        ready.add(condition.accept(RexPermuteInputsShuttle.of(fields)));
                        pending.remove(condition);
                    }
                }
                if (first) {
                    if (!ready.isEmpty()) {
                        builder.filter(ready);
                    }
                } else {
                    builder.join(JoinRelType.INNER, ready);
                }
            }
            return new Side(builder.build(), fields);
        }

        int fieldOf(int multiJoinField) {
            return fields.getTarget(multiJoinField);
        }
    }
}
