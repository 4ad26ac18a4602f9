package io.basalt.optimizer.rules;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;

/**
 * Subplans that differ only in the columns they read: TPC-H Q11 joins partsupp, supplier and nation twice, once
 * reading ps_partkey too (to group by it) and once not, so the two joins' texts differ though one's rows are the
 * other's with a column fewer. {@link #widen} takes out the projections right above the scans (each scan then
 * reads every column), which makes such subplans equal; {@link #narrow} puts back the columns any of them reads,
 * so one subplan serves them all, each use taking its own columns from it.
 *
 * <p>Only through projections, filters, joins and aggregations, whose expressions refer to their inputs' columns by
 * position and so can be renumbered; below any other operator a subplan stays as it is. Only projections that keep
 * the scan's column order (what column trimming makes; another projection stays, over a scan of every column):
 * positions then keep their order everywhere, so an aggregation's groups and a join's output stay in the same
 * order and only the numbers change.
 */
final class ColumnWidening {

    /**
     * A subplan rebuilt with other scan columns: {@code rel}, where each of the original subplan's output columns
     * went ({@code columns[k]}, -1 for none), and per scan, in the order met, the columns the original read.
     */
    record Rebuilt(RelNode rel, int[] columns, List<ImmutableBitSet> scanColumns) {
    }

    private final List<ImmutableBitSet> scanColumns = new ArrayList<>();
    /** For {@link #narrow}: the columns to read from each scan, in the order met; null when widening. */
    private final List<ImmutableBitSet> keep;

    private ColumnWidening(List<ImmutableBitSet> keep) {
        this.keep = keep;
    }

    /** {@code subplan} with every projection of scan columns in their order right above a scan taken out. */
    static Rebuilt widen(RelNode subplan) {
        return new ColumnWidening(null).rebuild(subplan);
    }

    /** {@code wide} (a {@link #widen}ed subplan) reading only the columns {@code keep} says of each scan. */
    static Rebuilt narrow(RelNode wide, List<ImmutableBitSet> keep) {
        return new ColumnWidening(keep).rebuild(wide);
    }

    private Rebuilt rebuild(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return keep == null ? scanned(scan, ImmutableBitSet.range(width(scan))) : narrowed(scan);
        }
        if (keep == null && rel instanceof Project project && project.getInput() instanceof TableScan scan
                && readsInOrder(project)) {
            return widened(project, scan);
        }
        if (rel instanceof Project project) {
            Rebuilt input = rebuild(project.getInput());
            List<RexNode> expressions = renumber(project.getProjects(), input.columns());
            return result(project.copy(project.getTraitSet(), input.rel(), expressions, project.getRowType()),
                    identity(width(project)));
        }
        if (rel instanceof Filter filter) {
            Rebuilt input = rebuild(filter.getInput());
            RexNode condition = renumber(List.of(filter.getCondition()), input.columns()).get(0);
            return result(filter.copy(filter.getTraitSet(), input.rel(), condition), input.columns());
        }
        if (rel instanceof Join join) {
            return join(join);
        }
        if (rel instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        // Any other operator: left as it is, inside and out.
        return result(rel, identity(width(rel)));
    }

    private Rebuilt scanned(TableScan scan, ImmutableBitSet read) {
        scanColumns.add(read);
        return result(scan, identity(width(scan)));
    }

    /** Whether the projection only picks columns, keeping their order. */
    private static boolean readsInOrder(Project project) {
        int previous = -1;
        for (RexNode expression : project.getProjects()) {
            if (!(expression instanceof RexInputRef reference) || reference.getIndex() <= previous) {
                return false;
            }
            previous = reference.getIndex();
        }
        return true;
    }

    /** A projection of scan columns in their order: the scan itself, every column. */
    private Rebuilt widened(Project project, TableScan scan) {
        int[] columns = new int[width(project)];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = ((RexInputRef) project.getProjects().get(k)).getIndex();
        }
        scanColumns.add(ImmutableBitSet.of(columns));
        return result(scan, columns);
    }

    /** The scan reading only the columns to keep, in its order (no projection when that is all of them). */
    private Rebuilt narrowed(TableScan scan) {
        ImmutableBitSet read = keep.get(scanColumns.size());
        scanColumns.add(read);
        int width = width(scan);
        if (read.cardinality() == width) {
            return result(scan, identity(width));
        }
        int[] columns = new int[width];
        List<RexNode> references = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            columns[column] = read.get(column) ? references.size() : -1;
            if (read.get(column)) {
                references.add(RexInputRef.of(column, scan.getRowType()));
                names.add(scan.getRowType().getFieldNames().get(column));
            }
        }
        return result(LogicalProject.create(scan, List.of(), references, names), columns);
    }

    private Rebuilt join(Join join) {
        Rebuilt left = rebuild(join.getLeft());
        Rebuilt right = rebuild(join.getRight());
        int leftWidth = width(join.getLeft());
        int newLeftWidth = width(left.rel());
        int[] both = new int[leftWidth + width(join.getRight())];
        for (int k = 0; k < both.length; k++) {
            int column = k < leftWidth ? left.columns()[k] : right.columns()[k - leftWidth];
            both[k] = column < 0 ? -1 : k < leftWidth ? column : newLeftWidth + column;
        }
        RexNode condition = renumber(List.of(join.getCondition()), both).get(0);
        Join rebuilt = join.copy(join.getTraitSet(), condition, left.rel(), right.rel(), join.getJoinType(),
                join.isSemiJoinDone());
        int[] output = join.getJoinType().projectsRight() ? both : left.columns();
        return result(rebuilt, output);
    }

    private Rebuilt aggregate(Aggregate aggregate) {
        Rebuilt input = rebuild(aggregate.getInput());
        Mapping mapping = Mappings.create(MappingType.PARTIAL_FUNCTION, width(aggregate.getInput()), width(input.rel()));
        for (int k = 0; k < input.columns().length; k++) {
            if (input.columns()[k] >= 0) {
                mapping.set(k, input.columns()[k]);
            }
        }
        List<ImmutableBitSet> groupSets = new ArrayList<>();
        for (ImmutableBitSet set : aggregate.getGroupSets()) {
            groupSets.add(Mappings.apply(mapping, set));
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            calls.add(call.transform(mapping));
        }
        // Column numbers keep their order, so the groups (output in their order) and the calls stay where they were.
        Aggregate rebuilt = aggregate.copy(aggregate.getTraitSet(), input.rel(),
                Mappings.apply(mapping, aggregate.getGroupSet()), groupSets, calls);
        return result(rebuilt, identity(width(aggregate)));
    }

    private static List<RexNode> renumber(List<RexNode> expressions, int[] columns) {
        RexShuttle shuttle = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef reference) {
                return new RexInputRef(columns[reference.getIndex()], reference.getType());
            }
        };
        return shuttle.apply(expressions);
    }

    private Rebuilt result(RelNode rel, int[] columns) {
        return new Rebuilt(rel, columns, scanColumns);
    }

    private static int width(RelNode rel) {
        return rel.getRowType().getFieldCount();
    }

    private static int[] identity(int width) {
        int[] columns = new int[width];
        for (int k = 0; k < width; k++) {
            columns[k] = k;
        }
        return columns;
    }
}
