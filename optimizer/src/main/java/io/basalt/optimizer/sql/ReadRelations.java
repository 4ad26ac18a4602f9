package io.basalt.optimizer.sql;

import io.basalt.storage.catalog.RelationName;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

import java.util.List;
import java.util.Set;

/**
 * The tables a relational expression scans, including those of subqueries still held in expressions
 * ({@code RelOptUtil.findAllTables} walks inputs only, and translation leaves subqueries as {@code RexSubQuery}).
 */
final class ReadRelations {

    private ReadRelations() {
    }

    static void addScannedTables(RelNode node, Set<RelationName> into) {
        if (node instanceof TableScan scan) {
            List<String> name = scan.getTable().getQualifiedName();
            into.add(new RelationName(name.get(name.size() - 2), name.get(name.size() - 1)));
        }
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                addScannedTables(subQuery.rel, into);
                return subQuery;
            }
        });
        for (RelNode input : node.getInputs()) {
            addScannedTables(input, into);
        }
    }
}
