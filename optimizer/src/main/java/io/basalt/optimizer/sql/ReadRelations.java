package io.basalt.optimizer.sql;

import io.basalt.storage.catalog.RelationName;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

import java.util.Collections;
import java.util.IdentityHashMap;
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
        for (TableScan scan : scans(node)) {
            into.add(nameOf(scan));
        }
    }

    /** Every scan node under {@code node}, by identity (two scans of one table are two nodes). */
    static Set<TableScan> scans(RelNode node) {
        Set<TableScan> scans = Collections.newSetFromMap(new IdentityHashMap<>());
        addScans(node, scans);
        return scans;
    }

    static RelationName nameOf(TableScan scan) {
        List<String> name = scan.getTable().getQualifiedName();
        return new RelationName(name.get(name.size() - 2), name.get(name.size() - 1));
    }

    private static void addScans(RelNode node, Set<TableScan> into) {
        if (node instanceof TableScan scan) {
            into.add(scan);
        }
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                addScans(subQuery.rel, into);
                return subQuery;
            }
        });
        for (RelNode input : node.getInputs()) {
            addScans(input, into);
        }
    }
}
