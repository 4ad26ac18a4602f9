package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexTableInputRef;
import org.apache.calcite.rex.RexTableInputRef.RelTableRef;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups by a table's key alone when the other grouping columns come from the same table row: TPC-H Q10 groups by
 * {@code c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment}, and every customer column but the key
 * is determined by {@code c_custkey} (customer's PRIMARY KEY). The aggregate becomes one grouped by the key and the
 * columns it does not determine, carrying each determined column as {@code ANY_VALUE} (its values within a group are
 * all equal), under a projection that restores the column order. The group table then hashes and compares one long
 * instead of six text columns more per row; the result is the same rows.
 *
 * <p>A grouping column's origin is Calcite's expression lineage: exactly one plain column of one table occurrence
 * (occurrences of the same table in a self-join are different). A key is a set of columns the table declares as
 * PRIMARY KEY or UNIQUE, all NOT NULL (a nullable UNIQUE column may hold NULL in many rows, which would group rows of
 * different table rows together), and it is used when every one of its columns is grouped: TPC-H Q20's decorrelated
 * subquery groups by all five partsupp columns, of which {@code (ps_partkey, ps_suppkey)} is the key, so the scan
 * no longer reads {@code ps_comment} and {@code ps_supplycost} once the unused carried values are trimmed. Outer joins need no exception: a row null-extended by one has every column of the
 * table NULL, its NOT NULL key included, so grouping it by the NULL key alone with NULL carried values would give the
 * same row (Calcite's lineage does not reach through the null-generating side anyway, so such columns stay keys). Only plain GROUP BY (one grouping set) is rewritten.
 *
 * <p>A single pass over the tree after join ordering, not a rule: the rewritten aggregate would match again.
 */
final class FunctionallyDependentGroupKeys {

    private FunctionallyDependentGroupKeys() {
    }

    static RelNode apply(RelNode rel) {
        return AggregateRewrites.bottomUp(rel, FunctionallyDependentGroupKeys::rewrite);
    }

    private static RelNode rewrite(LogicalAggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || aggregate.getGroupCount() < 2) {
            return aggregate;
        }
        RelNode input = aggregate.getInput();
        RelMetadataQuery metadata = aggregate.getCluster().getMetadataQuery();
        List<Integer> groupColumns = aggregate.getGroupSet().asList();
        List<RexTableInputRef> origins = new ArrayList<>();
        Map<RelTableRef, ImmutableBitSet.Builder> groupedColumns = new HashMap<>();
        for (int column : groupColumns) {
            RexTableInputRef origin = origin(metadata, input, column);
            origins.add(origin);
            if (origin != null) {
                groupedColumns.computeIfAbsent(origin.getTableRef(), table -> ImmutableBitSet.builder())
                        .set(origin.getIndex());
            }
        }
        Map<RelTableRef, ImmutableBitSet> groupedKeys = new HashMap<>();
        groupedColumns.forEach((table, columns) ->
                groupedKey(table.getTable(), columns.build()).ifPresent(key -> groupedKeys.put(table, key)));
        if (groupedKeys.isEmpty()) {
            return aggregate;
        }
        // A column is carried when it comes from a table occurrence with a grouped key, and is not in that key.
        ImmutableBitSet.Builder kept = ImmutableBitSet.builder();
        List<Integer> carried = new ArrayList<>();
        for (int i = 0; i < groupColumns.size(); i++) {
            RexTableInputRef origin = origins.get(i);
            ImmutableBitSet key = origin == null ? null : groupedKeys.get(origin.getTableRef());
            if (key != null && !key.get(origin.getIndex())) {
                carried.add(groupColumns.get(i));
            } else {
                kept.set(groupColumns.get(i));
            }
        }
        if (carried.isEmpty()) {
            return aggregate;
        }
        ImmutableBitSet keys = kept.build();
        List<AggregateCall> calls = new ArrayList<>(aggregate.getAggCallList());
        for (int column : carried) {
            RelDataTypeField field = input.getRowType().getFieldList().get(column);
            calls.add(AggregateCall.create(SqlStdOperatorTable.ANY_VALUE, false, false, false, List.of(), List.of(column),
                    -1, null, RelCollations.EMPTY, field.getType(), field.getName()));
        }
        LogicalAggregate grouped = LogicalAggregate.create(input, aggregate.getHints(), keys, null, calls);
        // The original column order: grouping columns ascending, then the original calls.
        RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
        List<Integer> keyList = keys.asList();
        int carriedStart = keyList.size() + aggregate.getAggCallList().size();
        List<RexNode> projects = new ArrayList<>();
        for (int column : groupColumns) {
            int position = keyList.contains(column) ? keyList.indexOf(column) : carriedStart + carried.indexOf(column);
            projects.add(RexInputRef.of(position, grouped.getRowType()));
        }
        for (int call = 0; call < aggregate.getAggCallList().size(); call++) {
            projects.add(rexBuilder.makeInputRef(grouped, keyList.size() + call));
        }
        return LogicalProject.create(grouped, List.of(), projects, aggregate.getRowType().getFieldNames(), Set.of());
    }

    /** The column's single origin as a plain table column, or null. */
    private static RexTableInputRef origin(RelMetadataQuery metadata, RelNode input, int column) {
        Set<RexNode> lineage = metadata.getExpressionLineage(input, RexInputRef.of(column, input.getRowType()));
        if (lineage == null || lineage.size() != 1) {
            return null;
        }
        RexNode origin = lineage.iterator().next();
        return origin instanceof RexTableInputRef reference ? reference : null;
    }

    /**
     * The smallest of the table's keys whose columns are all grouped and NOT NULL: a key with a nullable column may
     * hold NULL in many rows (a UNIQUE constraint allows it), which would group different rows together.
     */
    private static Optional<ImmutableBitSet> groupedKey(RelOptTable table, ImmutableBitSet grouped) {
        List<ImmutableBitSet> keys = table.getKeys();
        if (keys == null) {
            return Optional.empty();
        }
        List<RelDataTypeField> fields = table.getRowType().getFieldList();
        return keys.stream()
                .filter(key -> !key.isEmpty() && grouped.contains(key))
                .filter(key -> key.asList().stream().noneMatch(column -> fields.get(column).getType().isNullable()))
                .min(Comparator.comparingInt(ImmutableBitSet::cardinality));
    }
}
