package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.Spool;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.schema.TransientTable;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The last optimizer phase: a subplan that the plan holds more than once, the same operators over the same tables
 * with the same expressions, becomes a {@link SharedSubplan} at each place, which the executor computes once. TPC-H
 * Q15 reads its {@code revenue} view twice (joined with supplier, and for its maximum); Q11 joins partsupp, supplier
 * and nation twice (grouped by part, and summed in the HAVING subquery).
 *
 * <p>Only subplans worth a materialization are shared: those reading a table through a join or an aggregation (a
 * lone scan, filter or projection streams as fast as its copy would be read), and reading at least
 * {@value #MINIMUM_ROWS_READ} rows from their tables. Below that, recomputing the subplan at each place costs less
 * than the shared result's own pipeline, which runs alone before every pipeline reading it: TPC-H Q2 shared a join
 * of nation (25 rows) and region (5 rows) and took longer than recomputing it twice. Never shared: a subplan with a
 * non-deterministic function ({@code random()} is drawn anew at each place, as two uses of a subquery mean in
 * PostgreSQL), with correlation variables or subqueries left, or with a recursive query's parts (its working
 * table changes from run to run). Functions fixed for the statement ({@code now()}, {@code current_date}) have the
 * same value at each place, so sharing them changes nothing. The largest repeated subplans are shared first (the
 * plan is searched from the root); repeated parts inside a shared subplan are shared in turn.
 *
 * <p>Subplans that differ only in the columns they read from their tables count as repeated too (Q11's subquery
 * does not read ps_partkey; {@link ColumnWidening}): the shared subplan reads the columns any use reads, and each
 * use takes its own columns from it with a projection.
 *
 * <p>Runs after decorrelation and join ordering, on the final logical plan: the two places are equal only once
 * both went through the same rewrites, and joins are not reordered across a shared node afterwards.
 */
public final class SharedSubplans {

    /**
     * The fewest rows, summed over its table scans (the tables' row counts, before any filter), a subplan must read
     * to be shared. A scan of 20,000 rows takes about a millisecond; the shared result's pipeline and buffer cost
     * about that much on their own.
     */
    static final long MINIMUM_ROWS_READ = 20_000;

    private final Map<RelNode, Traits> traits = new IdentityHashMap<>();
    private final Map<RelNode, String> digests = new IdentityHashMap<>();
    private final Map<RelNode, ColumnWidening.Rebuilt> widened = new IdentityHashMap<>();
    private final Map<RelNode, Integer> shapes = new IdentityHashMap<>();
    /** How many subplans worth sharing have each {@link #shape}: only a shape met twice may hide a repeated subplan. */
    private final Map<Integer, Integer> shapeCounts = new HashMap<>();

    /** What a subplan holds, as far as sharing it goes. */
    private record Traits(boolean readsTable, boolean joinsOrAggregates, boolean shareable, double rowsRead) {

        boolean worthSharing() {
            return readsTable && joinsOrAggregates && shareable && rowsRead >= MINIMUM_ROWS_READ;
        }
    }

    private SharedSubplans() {
    }

    /** {@code plan} with every repeated subplan worth it computed once. */
    public static RelNode share(RelNode plan) {
        if (!readsSomeTableTwice(plan)) {
            // A repeated subplan reads its tables at each place: without a table read twice there is none (the
            // common case, found without building any digest).
            return plan;
        }
        RelNode rel = plan;
        int nextId = 0;
        while (true) {
            SharedSubplans search = new SharedSubplans();
            Map<String, Integer> counts = new HashMap<>();
            search.countShapes(rel);
            search.count(rel, counts);
            Optional<String> repeated = search.firstRepeated(rel, counts);
            if (repeated.isEmpty()) {
                break;
            }
            List<ImmutableBitSet> read = search.columnsRead(rel, repeated.get());
            rel = search.replace(rel, repeated.get(), read, nextId++);
        }
        return nextId == 0 ? plan : withUses(rel);
    }

    /** Whether {@link #share} would compute the two subplans once: equal once widened, and worth sharing. */
    static boolean wouldShare(RelNode first, RelNode second) {
        SharedSubplans search = new SharedSubplans();
        return search.traits(first).worthSharing() && search.key(first).equals(search.key(second));
    }

    private static boolean readsSomeTableTwice(RelNode plan) {
        Set<List<String>> tables = new HashSet<>();
        List<RelNode> pending = new ArrayList<>(List.of(plan));
        while (!pending.isEmpty()) {
            RelNode rel = pending.remove(pending.size() - 1);
            if (rel instanceof TableScan scan && !tables.add(scan.getTable().getQualifiedName())) {
                return true;
            }
            pending.addAll(rel.getInputs());
        }
        return false;
    }

    /** How many subplans worth sharing have each shape ({@link #shapeCounts}), which costs no text. */
    private void countShapes(RelNode plan) {
        forEachCandidate(plan, new HashSet<>(), rel -> shapeCounts.merge(shape(rel), 1, Integer::sum));
    }

    /**
     * How often each subplan worth sharing occurs. Only subplans whose shape occurs twice get a {@link #key}: a key
     * is the subplan's whole text, and building it for every subplan of a deep join tree costs the square of its
     * depth (6 % of planning TPC-H Q8, none of whose subplans repeats).
     */
    private void count(RelNode plan, Map<String, Integer> counts) {
        forEachCandidate(plan, new HashSet<>(), rel -> {
            if (mayRepeat(rel)) {
                counts.merge(key(rel), 1, Integer::sum);
            }
        });
    }

    /** {@code action} on each subplan worth sharing, from the root; the input of a node shared already counts once. */
    private void forEachCandidate(RelNode rel, Set<Integer> sharedSeen, Consumer<RelNode> action) {
        if (rel instanceof SharedSubplan shared && !sharedSeen.add(shared.id())) {
            return;
        }
        if (!(rel instanceof SharedSubplan) && traits(rel).worthSharing()) {
            action.accept(rel);
        }
        for (RelNode input : rel.getInputs()) {
            forEachCandidate(input, sharedSeen, action);
        }
    }

    /** The key of the first subplan, from the root, that occurs more than once. */
    private Optional<String> firstRepeated(RelNode rel, Map<String, Integer> counts) {
        if (mayRepeat(rel) && counts.getOrDefault(key(rel), 0) > 1) {
            return Optional.of(key(rel));
        }
        for (RelNode input : rel.getInputs()) {
            Optional<String> found = firstRepeated(input, counts);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private boolean isUse(RelNode rel, String key) {
        return mayRepeat(rel) && key(rel).equals(key);
    }

    /** Whether {@code rel} is worth sharing and another such subplan has its shape (counted by {@link #countShapes}). */
    private boolean mayRepeat(RelNode rel) {
        return !(rel instanceof SharedSubplan) && traits(rel).worthSharing()
                && shapeCounts.getOrDefault(shape(rel), 0) > 1;
    }

    /**
     * A hash of what widening leaves of the subplan's structure: its operators' kinds and its tables, in order,
     * projections right above a scan left out (widening takes such projections out, and only those). Subplans of
     * equal {@link #key} have equal shapes; equal shapes may still differ in their expressions, which only the key
     * tells.
     */
    private int shape(RelNode rel) {
        Integer known = shapes.get(rel);
        if (known != null) {
            return known;
        }
        int computed;
        if (rel instanceof Project project && project.getInput() instanceof TableScan) {
            computed = shape(project.getInput());
        } else {
            computed = rel instanceof TableScan scan ? scan.getTable().getQualifiedName().hashCode()
                    : rel.getClass().getName().hashCode();
            if (rel instanceof SharedSubplan shared) {
                computed = 31 * computed + shared.id();
            }
            for (RelNode input : rel.getInputs()) {
                computed = 31 * computed + shape(input);
            }
        }
        shapes.put(rel, computed);
        return computed;
    }

    /** Per scan of the subplans of key {@code key} (all alike once widened), the columns any of them reads. */
    private List<ImmutableBitSet> columnsRead(RelNode plan, String key) {
        List<ImmutableBitSet> read = new ArrayList<>();
        List<RelNode> pending = new ArrayList<>(List.of(plan));
        while (!pending.isEmpty()) {
            RelNode rel = pending.remove(pending.size() - 1);
            if (isUse(rel, key)) {
                List<ImmutableBitSet> scans = widened(rel).scanColumns();
                for (int scan = 0; scan < scans.size(); scan++) {
                    if (scan == read.size()) {
                        read.add(scans.get(scan));
                    } else {
                        read.set(scan, read.get(scan).union(scans.get(scan)));
                    }
                }
            } else {
                pending.addAll(rel.getInputs());
            }
        }
        return read;
    }

    /**
     * {@code rel} with every subplan of key {@code key} under a shared node numbered {@code id}: the subplan reading
     * the columns {@code read} of its scans, and above it the projection of the columns this place had.
     */
    private RelNode replace(RelNode rel, String key, List<ImmutableBitSet> read, int id) {
        if (isUse(rel, key)) {
            ColumnWidening.Rebuilt wide = widened(rel);
            ColumnWidening.Rebuilt common = ColumnWidening.narrow(wide.rel(), read);
            // Uses are counted once every repeated subplan is shared (withUses); 2 until then.
            RelNode shared = new SharedSubplan(rel.getCluster(), rel.getTraitSet(), common.rel(), id, 2);
            List<RexNode> columns = new ArrayList<>();
            boolean same = common.rel().getRowType().equals(rel.getRowType());
            for (int k = 0; k < rel.getRowType().getFieldCount(); k++) {
                int column = common.columns()[wide.columns()[k]];
                columns.add(RexInputRef.of(column, shared.getRowType()));
                same &= column == k;
            }
            return same ? shared : LogicalProject.create(shared, List.of(), columns, rel.getRowType().getFieldNames());
        }
        List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
        boolean changed = false;
        for (RelNode input : rel.getInputs()) {
            RelNode replaced = replace(input, key, read, id);
            inputs.add(replaced);
            changed |= replaced != input;
        }
        return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    }

    /** The plan with each shared node's number of uses: its places, counting those inside a shared input once. */
    private static RelNode withUses(RelNode plan) {
        Map<Integer, Integer> uses = new HashMap<>();
        countUses(plan, uses, new HashSet<>());
        return setUses(plan, uses);
    }

    private static void countUses(RelNode rel, Map<Integer, Integer> uses, Set<Integer> seen) {
        if (rel instanceof SharedSubplan shared) {
            uses.merge(shared.id(), 1, Integer::sum);
            if (!seen.add(shared.id())) {
                return;
            }
        }
        for (RelNode input : rel.getInputs()) {
            countUses(input, uses, seen);
        }
    }

    private static RelNode setUses(RelNode rel, Map<Integer, Integer> uses) {
        List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
        boolean changed = false;
        for (RelNode input : rel.getInputs()) {
            RelNode set = setUses(input, uses);
            inputs.add(set);
            changed |= set != input;
        }
        if (rel instanceof SharedSubplan shared) {
            return new SharedSubplan(rel.getCluster(), rel.getTraitSet(), inputs.get(0), shared.id(), uses.get(shared.id()));
        }
        return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    }

    /** What equal subplans have in common: the text of the subplan reading every column of its scans. */
    private String key(RelNode rel) {
        return digest(widened(rel).rel());
    }

    private ColumnWidening.Rebuilt widened(RelNode rel) {
        return widened.computeIfAbsent(rel, ColumnWidening::widen);
    }

    /** The subplan's text, with every operator's attributes and the result's types: equal text, equal rows. */
    private String digest(RelNode rel) {
        return digests.computeIfAbsent(rel, node ->
                RelOptUtil.toString(node, SqlExplainLevel.DIGEST_ATTRIBUTES) + node.getRowType().getFullTypeString());
    }

    private Traits traits(RelNode rel) {
        Traits known = traits.get(rel);
        if (known != null) {
            return known;
        }
        boolean readsTable = rel instanceof TableScan scan && scan.getTable().unwrap(TransientTable.class) == null;
        double rowsRead = readsTable ? ((TableScan) rel).getTable().getRowCount() : 0;
        boolean joinsOrAggregates = rel instanceof Join || rel instanceof Aggregate;
        boolean shareable = !(rel instanceof RepeatUnion || rel instanceof Spool || rel instanceof Correlate
                || rel instanceof TableScan && !readsTable) && deterministicAndUncorrelated(rel);
        for (RelNode input : rel.getInputs()) {
            Traits inputTraits = traits(input);
            readsTable |= inputTraits.readsTable();
            joinsOrAggregates |= inputTraits.joinsOrAggregates();
            shareable &= inputTraits.shareable();
            rowsRead += inputTraits.rowsRead();
        }
        Traits computed = new Traits(readsTable, joinsOrAggregates, shareable, rowsRead);
        traits.put(rel, computed);
        return computed;
    }

    /** Whether the operator's own expressions are deterministic and refer to no outer row. */
    private static boolean deterministicAndUncorrelated(RelNode rel) {
        ExpressionCheck check = new ExpressionCheck();
        rel.accept(check);
        return check.shareable;
    }

    /** Looks at every expression of one operator for what forbids sharing it. */
    private static final class ExpressionCheck extends RexShuttle {

        private boolean shareable = true;

        @Override
        public RexNode visitCall(RexCall call) {
            if (!call.getOperator().isDeterministic()) {
                shareable = false;
            }
            return super.visitCall(call);
        }

        @Override
        public RexNode visitCorrelVariable(RexCorrelVariable variable) {
            shareable = false;
            return variable;
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            shareable = false;
            return subQuery;
        }
    }
}
