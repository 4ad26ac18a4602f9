package io.basalt.server.ddl;

import io.basalt.optimizer.AnalyzedView;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.server.StatementException;
import io.basalt.server.query.GeneratedSql;
import io.basalt.server.query.QueryRunner;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Transaction;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The views that stand in the way of dropping tables or views: with RESTRICT (the default) their existence is an
 * error (2BP01), with CASCADE they go too. A view's dependencies are stored transitively, so one pass finds the
 * views that read a dropped relation through other views as well.
 */
final class DependentViews {

    private DependentViews() {
    }

    /**
     * Drops (CASCADE) or refuses (RESTRICT) the views that read any of {@code dropped}, other than those among
     * {@code dropped} themselves. {@code kind} names what is dropped in the message ("table", "view", "schema").
     */
    static void dropWith(Transaction transaction, Collection<RelationName> dropped, DropBehavior behavior, String kind) {
        Set<ViewDefinition> dependents = new LinkedHashSet<>();
        for (RelationName relation : dropped) {
            for (ViewDefinition view : transaction.view().viewsDependingOn(relation)) {
                if (!dropped.contains(view.relationName())) {
                    if (behavior != DropBehavior.CASCADE) {
                        throw new StatementException("2BP01", "cannot drop " + kind + " " + relation.name()
                                + " because other objects depend on it (view " + view.name() + " depends on "
                                + kind + " " + relation.name() + "); use DROP … CASCADE to drop the dependent objects too");
                    }
                    dependents.add(view);
                }
            }
        }
        for (ViewDefinition view : dependents) {
            transaction.dropView(view.schema(), view.name());
        }
    }

    /**
     * After a table's columns changed (ALTER TABLE), plans every view reading it again: one whose query no longer
     * plans, or whose columns changed type, is refused (2BP01) or, with CASCADE, dropped. Views store text, so this
     * is the only way to know which columns a view really uses.
     */
    static void requireStillValid(Transaction transaction, QueryRunner runner, RelationName table, DropBehavior behavior,
                                  String change) {
        for (ViewDefinition view : transaction.view().viewsDependingOn(table)) {
            if (transaction.view().view(view.schema(), view.name()).isEmpty() || stillValid(transaction, runner, view)) {
                continue;
            }
            if (behavior != DropBehavior.CASCADE) {
                throw new StatementException("2BP01", "cannot " + change + " because view " + view.name()
                        + " depends on it; use … CASCADE to drop the view too");
            }
            transaction.dropView(view.schema(), view.name());
        }
    }

    private static boolean stillValid(Transaction transaction, QueryRunner runner, ViewDefinition view) {
        try {
            AnalyzedView analyzed = runner.analyzeView(GeneratedSql.fragment(view.query()), transaction.view(),
                    view.searchPath().get(0));
            if (analyzed.columns().size() < view.columns().size()) {
                return false;
            }
            for (int i = 0; i < view.columns().size(); i++) {
                if (!analyzed.columns().get(i).type().equals(view.columns().get(i).type())) {
                    return false;
                }
            }
            return true;
        } catch (StatementException e) {
            return false;
        }
    }
}
