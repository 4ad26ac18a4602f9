package io.basalt.server.ddl;

import io.basalt.execution.plan.Column;
import io.basalt.optimizer.AnalyzedView;
import io.basalt.parser.ast.CreateViewStatement;
import io.basalt.parser.ast.DropViewStatement;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.query.QueryRunner;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Transaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CREATE [OR REPLACE] VIEW and DROP VIEW, in the transaction they are given. A view stores its query's text, the
 * schema unqualified names meant at creation, its columns and everything it reads; the planner expands the text
 * wherever the view is read.
 */
public final class ViewStatements {

    private ViewStatements() {
    }

    public static StatementResult createView(Transaction transaction, QueryRunner runner, CreateViewStatement statement,
                                             SessionSettings settings) {
        Manifest catalog = transaction.view();
        String schema = statement.name().schema().orElse(settings.schema());
        String name = statement.name().name();
        if (!catalog.hasSchema(schema)) {
            throw new StatementException("3F000", "schema \"" + schema + "\" does not exist");
        }
        Optional<ViewDefinition> existing = catalog.view(schema, name);
        if (catalog.table(schema, name).isPresent() || catalog.index(schema, name).isPresent()
                || (existing.isPresent() && !statement.orReplace())) {
            throw new StatementException("42P07", "relation \"" + name + "\" already exists");
        }
        AnalyzedView analyzed = runner.analyzeView(statement.query(), catalog, settings);
        RelationName self = new RelationName(schema, name);
        if (analyzed.dependencies().contains(self)) {
            throw new StatementException("42P17", "infinite recursion detected in rules for relation \"" + name + "\"");
        }
        ViewDefinition view = new ViewDefinition(schema, name, statement.query().text(),
                columns(statement.columnNames(), analyzed.columns()), List.of(settings.schema()), analyzed.dependencies());
        if (existing.isPresent()) {
            requireCompatibleReplacement(existing.get(), view);
            widenDependents(transaction, self, view.dependencies());
        }
        transaction.createView(view, existing.isPresent());
        return new StatementResult.RowCount("CREATE VIEW", 0);
    }

    public static StatementResult dropViews(Transaction transaction, DropViewStatement statement, String currentSchema) {
        Manifest catalog = transaction.view();
        Set<RelationName> dropped = new LinkedHashSet<>();
        for (QualifiedName name : statement.names()) {
            String schema = name.schema().orElse(currentSchema);
            if (catalog.view(schema, name.name()).isPresent()) {
                dropped.add(new RelationName(schema, name.name()));
            } else if (catalog.table(schema, name.name()).isPresent()) {
                throw new StatementException("42809", "\"" + name.name() + "\" is not a view");
            } else if (!statement.ifExists()) {
                throw new StatementException("42P01", "view \"" + name.name() + "\" does not exist");
            }
        }
        DependentViews.dropWith(transaction, dropped, statement.behavior(), "view");
        for (RelationName view : dropped) {
            transaction.dropView(view.schema(), view.name());
        }
        return new StatementResult.RowCount("DROP VIEW", 0);
    }

    /** The column list of CREATE VIEW names the first columns (PostgreSQL allows fewer names than columns). */
    private static List<ColumnDefinition> columns(List<String> names, List<Column> queryColumns) {
        if (names.size() > queryColumns.size()) {
            throw new StatementException("42601", "CREATE VIEW specifies more column names than columns");
        }
        List<ColumnDefinition> columns = new ArrayList<>(queryColumns.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < queryColumns.size(); i++) {
            Column column = queryColumns.get(i);
            String name = i < names.size() ? names.get(i) : column.name();
            if (!seen.add(name)) {
                throw new StatementException("42701", "column \"" + name + "\" specified more than once");
            }
            columns.add(new ColumnDefinition(name, column.type(), column.nullable(), Optional.empty(), Optional.empty()));
        }
        return columns;
    }

    /**
     * As in PostgreSQL, OR REPLACE may only add columns at the end: views reading this one were planned against its
     * columns, and keep working only if those keep their names and types.
     */
    private static void requireCompatibleReplacement(ViewDefinition old, ViewDefinition replacement) {
        if (replacement.columns().size() < old.columns().size()) {
            throw new StatementException("42P16", "cannot drop columns from view");
        }
        for (int i = 0; i < old.columns().size(); i++) {
            ColumnDefinition before = old.columns().get(i);
            ColumnDefinition after = replacement.columns().get(i);
            if (!before.name().equals(after.name())) {
                throw new StatementException("42P16", "cannot change name of view column \"" + before.name()
                        + "\" to \"" + after.name() + "\"");
            }
            if (!before.type().equals(after.type())) {
                throw new StatementException("42P16", "cannot change data type of view column \"" + before.name()
                        + "\" from " + before.type() + " to " + after.type());
            }
        }
    }

    /**
     * Views that read the replaced view now also read what its new query reads; dependencies are stored transitively,
     * so theirs grow. (Relations only the old query read stay listed: that only makes DROP stricter.)
     */
    private static void widenDependents(Transaction transaction, RelationName replaced, List<RelationName> newDependencies) {
        for (ViewDefinition dependent : transaction.view().viewsDependingOn(replaced)) {
            Set<RelationName> widened = new LinkedHashSet<>(dependent.dependencies());
            widened.addAll(newDependencies);
            if (widened.contains(dependent.relationName())) {
                throw new StatementException("42P17", "infinite recursion detected in rules for relation \""
                        + dependent.name() + "\"");
            }
            transaction.createView(new ViewDefinition(dependent.schema(), dependent.name(), dependent.query(),
                    dependent.columns(), dependent.searchPath(), List.copyOf(widened)), true);
        }
    }
}
