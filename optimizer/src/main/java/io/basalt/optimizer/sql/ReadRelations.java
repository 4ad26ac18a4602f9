package io.basalt.optimizer.sql;

import io.basalt.storage.catalog.RelationName;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

import java.util.ArrayList;
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

    /**
     * Every scan of a catalog relation under {@code node} once (two scans of one table are two nodes), in reading
     * order.
     */
    static List<TableScan> scans(RelNode node) {
        List<TableScan> scans = new ArrayList<>();
        addScans(node, scans, Collections.newSetFromMap(new IdentityHashMap<>()));
        return scans;
    }

    static RelationName nameOf(TableScan scan) {
        List<String> name = scan.getTable().getQualifiedName();
        return new RelationName(name.get(name.size() - 2), name.get(name.size() - 1));
    }

    private static void addScans(RelNode node, List<TableScan> into, Set<TableScan> seen) {
        // a recursive query's reference to itself is a scan of a one-part name, no catalog relation
        if (node instanceof TableScan scan && scan.getTable().getQualifiedName().size() >= 2 && seen.add(scan)) {
            into.add(scan);
        }
        // inputs before subqueries: the FROM clause's tables come first, in the order the query names them
        for (RelNode input : node.getInputs()) {
            addScans(input, into, seen);
        }
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                addScans(subQuery.rel, into, seen);
                return subQuery;
            }
        });
    }
}
