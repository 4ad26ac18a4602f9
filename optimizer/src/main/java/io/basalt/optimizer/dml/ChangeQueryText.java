package io.basalt.optimizer.dml;

import io.basalt.optimizer.PlannerOptions;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.dml.DmlSyntax.Action;
import io.basalt.optimizer.dml.DmlSyntax.Assignment;
import io.basalt.optimizer.dml.DmlSyntax.MergeClause;
import io.basalt.optimizer.dml.DmlTokens.Span;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the query a DML statement is planned as. Its first column is the target row's identity
 * ({@link PlannerOptions#ROW_IDENTITY_COLUMN}, NULL for a MERGE source row without a match); a MERGE's second column
 * is the number of the WHEN clause that applies (1-based; 0: none); then come the values of each action, the
 * statement's expressions as written:
 *
 * <pre>
 * DELETE FROM t [AS a] [USING u] [WHERE c]    SELECT a.id FROM t AS a [, u] [WHERE (c)]
 * UPDATE t [AS a] SET x = e [FROM f] [WHERE c] SELECT a.id, (e), a.y, … FROM t AS a [, f] [WHERE (c)]
 * MERGE INTO t [AS a] USING s ON c WHEN …       SELECT a.id, CASE WHEN a.id IS NOT NULL AND (…) THEN 1 … ELSE 0 END,
 *                                                 values of each clause … FROM s LEFT JOIN t AS a ON (c)
 * </pre>
 *
 * A clause's values are computed for every row (a vectorized plan computes columns, not rows); rows of other
 * clauses ignore them.
 */
final class ChangeQueryText {

    /** The query, the types its columns are assigned to (for parameters), and where each action's values are. */
    record Result(GeneratedQuery query, List<LogicalType> assignedTypes, List<ChangeAction> actions,
                  List<int[]> sourceOfColumns, boolean hasClauseColumn) {
    }

    private final DmlSyntax syntax;
    private final DmlTokens tokens;
    private final TableDefinition table;
    private final GeneratedQuery query;
    private final String alias;
    private final int anchor;
    private final List<LogicalType> assignedTypes = new ArrayList<>();
    private final List<ChangeAction> actions = new ArrayList<>();
    /** Per action with values: for each table column, the query column of its value (-1: NULL). */
    private final List<int[]> sourceOfColumns = new ArrayList<>();
    private int columns;

    private ChangeQueryText(DmlSyntax syntax, TableDefinition table, DmlTokens tokens) {
        this.syntax = syntax;
        this.tokens = tokens;
        this.table = table;
        this.query = new GeneratedQuery(tokens);
        this.anchor = syntax.target().offset();
        this.alias = syntax.target().alias()
                .map(span -> tokens.text().substring(span.start(), span.end()))
                .orElse(quoted(table.name()));
    }

    static Result write(DmlSyntax syntax, TableDefinition table, DmlTokens tokens) {
        return new ChangeQueryText(syntax, table, tokens).write();
    }

    private Result write() {
        select(alias + "." + PlannerOptions.ROW_IDENTITY_COLUMN);
        switch (syntax.kind()) {
            case DELETE -> {
                actions.add(new ChangeAction(ChangeAction.Kind.DELETE, -1));
                fromTarget();
            }
            case UPDATE -> {
                updateValues(syntax.assignments());
                actions.add(new ChangeAction(ChangeAction.Kind.UPDATE, -1));
                fromTarget();
            }
            case MERGE -> merge();
            default -> throw new IllegalStateException("unknown DML kind " + syntax.kind());
        }
        return new Result(query, assignedTypes, actions, sourceOfColumns, syntax.kind() == DmlKind.MERGE);
    }

    private void fromTarget() {
        query.add(" FROM ", anchor).copy(syntax.target().name()).add(" AS " + alias, anchor);
        syntax.sources().ifPresent(sources -> query.add(", ", sources.start()).copy(sources));
        syntax.condition().ifPresent(condition -> query.add(" WHERE ", condition.start()).copyExpression(condition));
    }

    private void merge() {
        query.add(", CASE", anchor);
        int number = 0;
        for (MergeClause clause : syntax.clauses()) {
            number++;
            query.add(" WHEN " + alias + "." + PlannerOptions.ROW_IDENTITY_COLUMN
                    + (clause.matched() ? " IS NOT NULL" : " IS NULL"), clause.offset());
            clause.condition().ifPresent(condition -> query.add(" AND ", condition.start()).copyExpression(condition));
            query.add(" THEN " + number, clause.offset());
        }
        query.add(" ELSE 0 END", anchor);
        assignedTypes.add(null);
        columns++;
        for (MergeClause clause : syntax.clauses()) {
            if (clause.action() == Action.UPDATE) {
                updateValues(clause.assignments());
                actions.add(new ChangeAction(ChangeAction.Kind.UPDATE, -1));
            } else if (clause.action() == Action.INSERT) {
                actions.add(new ChangeAction(ChangeAction.Kind.INSERT, -1, insertValues(clause)));
            } else if (clause.action() == Action.DELETE) {
                actions.add(new ChangeAction(ChangeAction.Kind.DELETE, -1));
            } else {
                actions.add(new ChangeAction(ChangeAction.Kind.NOTHING, -1));
            }
        }
        Span source = syntax.sources().orElseThrow();
        Span condition = syntax.condition().orElseThrow();
        query.add(" FROM ", source.start()).copy(source).add(" LEFT JOIN ", anchor).copy(syntax.target().name())
                .add(" AS " + alias + " ON ", condition.start()).copyExpression(condition);
    }

    /** The SET values in SET order, then the old values of the other columns. */
    private void updateValues(List<Assignment> assignments) {
        int[] sourceOf = new int[table.columns().size()];
        Arrays.fill(sourceOf, -1);
        for (Assignment assignment : assignments) {
            int column = column(assignment.column(), assignment.offset());
            if (sourceOf[column] >= 0) {
                throw error("42701", "multiple assignments to same column \"" + assignment.column() + "\"",
                        assignment.offset());
            }
            ColumnDefinition definition = table.columns().get(column);
            if (definition.identity().isPresent() && definition.identity().get().always()) {
                throw error("428C9", "column \"" + definition.name() + "\" can only be updated to DEFAULT",
                        assignment.offset());
            }
            query.add(", ", assignment.value().start()).copyExpression(assignment.value());
            assignedTypes.add(table.columns().get(column).type());
            sourceOf[column] = columns++;
        }
        for (int column = 0; column < sourceOf.length; column++) {
            if (sourceOf[column] < 0) {
                select(alias + "." + quoted(table.columns().get(column).name()));
                sourceOf[column] = columns - 1;
            }
        }
        sourceOfColumns.add(sourceOf);
    }

    /**
     * The VALUES of an INSERT clause in the order written; omitted columns get their DEFAULT (its expression, planned
     * with the query: the clock reads the statement's start, as INSERT's defaults do), their identity value (returned:
     * the columns the table writer generates) or NULL.
     */
    private List<Integer> insertValues(MergeClause clause) {
        int[] sourceOf = new int[table.columns().size()];
        Arrays.fill(sourceOf, -1);
        List<Span> values = clause.insertValues();
        int named = clause.insertColumns().isEmpty() ? table.columns().size() : clause.insertColumns().size();
        if (values.size() != named) {
            throw error("42601", values.size() > named ? "INSERT has more expressions than target columns"
                    : "INSERT has more target columns than expressions", clause.offset());
        }
        for (int i = 0; i < values.size(); i++) {
            int column = clause.insertColumns().isEmpty() ? i : column(clause.insertColumns().get(i), clause.offset());
            if (sourceOf[column] >= 0) {
                throw error("42701", "column \"" + table.columns().get(column).name() + "\" specified more than once",
                        clause.offset());
            }
            query.add(", ", values.get(i).start()).copyExpression(values.get(i));
            assignedTypes.add(table.columns().get(column).type());
            sourceOf[column] = columns++;
        }
        List<Integer> generated = new ArrayList<>();
        for (int column = 0; column < sourceOf.length; column++) {
            ColumnDefinition definition = table.columns().get(column);
            if (sourceOf[column] < 0 && definition.identity().isPresent()) {
                generated.add(column);
            } else if (sourceOf[column] < 0 && definition.defaultExpression().isPresent()) {
                query.add(", (" + definition.defaultExpression().get() + ")", clause.offset());
                assignedTypes.add(definition.type());
                sourceOf[column] = columns++;
            } else if (sourceOf[column] >= 0 && definition.identity().isPresent() && definition.identity().get().always()) {
                throw error("428C9", "cannot insert a non-DEFAULT value into column \"" + definition.name() + "\"",
                        clause.offset());
            }
        }
        sourceOfColumns.add(sourceOf);
        return generated;
    }

    private void select(String expression) {
        query.add(columns == 0 ? "SELECT " + expression : ", " + expression, anchor);
        assignedTypes.add(null);
        columns++;
    }

    private int column(String name, int offset) {
        return table.columnIndex(name).orElseThrow(() -> error(PlanningException.UNDEFINED_COLUMN,
                "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist", offset));
    }

    private PlanningException error(String sqlState, String message, int offset) {
        return tokens.errorAt(sqlState, message, offset);
    }

    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
