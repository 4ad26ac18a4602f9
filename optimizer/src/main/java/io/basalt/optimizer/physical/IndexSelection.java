package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.ExpressionText;
import io.basalt.execution.plan.IndexChoice;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.TableEntry;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the index a filtered table scan reads instead of the table, by cost. An index qualifies when its data is
 * fresh (it reflects the table's rows in the planned version) and the filter constrains its leading key with
 * {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN} or an {@code IN} list against constants or
 * parameters. Reading the sorted copy costs about the share of its blocks in that range, so the cheapest index is the
 * one whose leading-key conditions keep the fewest rows (selectivity from the column statistics), and it is chosen
 * only when that share is at most {@link #MAX_SELECTIVITY}: past it, the copy saves little over the table's own zone
 * maps. Whether the index stores every column the scan ends up reading is decided later
 * ({@link IndexChoice#covers}), after the plan builder narrowed the scan's columns.
 */
final class IndexSelection {

    /** A range keeping more than this share of the rows reads most of the index anyway. */
    static final double MAX_SELECTIVITY = 0.5;

    private IndexSelection() {
    }

    /**
     * @param filter    the scan's filter over the table's columns
     * @param converter turns the chosen conditions into execution expressions over {@code output}, for EXPLAIN
     */
    static Optional<IndexChoice> choose(TableEntry table, TableScan scan, RexNode filter, RelMetadataQuery metadata,
                                        RexBuilder rexBuilder, Function<RexNode, Expression> converter,
                                        List<Column> output) {
        TableDefinition definition = table.definition();
        List<RexNode> conjuncts = RelOptUtil.conjunctions(filter);
        IndexDefinition best = null;
        List<RexNode> bestConditions = List.of();
        double bestSelectivity = MAX_SELECTIVITY;
        for (IndexDefinition index : definition.indexes()) {
            if (table.freshIndexData(index.indexId()).isEmpty()) {
                continue;
            }
            int leading = definition.columnIndex(index.keys().get(0).column()).getAsInt();
            List<RexNode> conditions = conjuncts.stream().filter(conjunct -> constrains(conjunct, leading)).toList();
            if (conditions.isEmpty()) {
                continue;
            }
            Double selectivity = metadata.getSelectivity(scan, RexUtil.composeConjunction(rexBuilder, conditions));
            double share = selectivity == null ? MAX_SELECTIVITY : selectivity;
            if (share <= bestSelectivity) {
                best = index;
                bestConditions = conditions;
                bestSelectivity = share;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<String> ranges = new ArrayList<>();
        for (RexNode condition : bestConditions) {
            ranges.add(ExpressionText.of(converter.apply(condition), output));
        }
        return Optional.of(new IndexChoice(best.indexId(), best.name(), indexPositions(definition, best),
                String.join(" AND ", ranges)));
    }

    /** Per table column, where the index's data segment stores it (its first occurrence), or -1. */
    private static int[] indexPositions(TableDefinition definition, IndexDefinition index) {
        int[] positions = new int[definition.columns().size()];
        Arrays.fill(positions, -1);
        List<String> stored = index.columns();
        for (int i = stored.size() - 1; i >= 0; i--) {
            positions[definition.columnIndex(stored.get(i)).getAsInt()] = i;
        }
        return positions;
    }

    /** Whether {@code conjunct} compares table column {@code column} with a constant in a way a sorted copy serves. */
    private static boolean constrains(RexNode conjunct, int column) {
        if (!(conjunct instanceof RexCall call)) {
            return false;
        }
        switch (call.getKind()) {
            case EQUALS:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
                return (isColumn(call.operands.get(0), column) && isConstant(call.operands.get(1)))
                        || (isColumn(call.operands.get(1), column) && isConstant(call.operands.get(0)));
            case SEARCH: // IN lists and BETWEEN
                return isColumn(call.operands.get(0), column);
            default:
                return false;
        }
    }

    private static boolean isColumn(RexNode node, int column) {
        if (node.getKind() == SqlKind.CAST) {
            return isColumn(((RexCall) node).operands.get(0), column);
        }
        return node instanceof RexInputRef reference && reference.getIndex() == column;
    }

    private static boolean isConstant(RexNode node) {
        return node instanceof RexDynamicParam || RexUtil.isConstant(node);
    }
}
