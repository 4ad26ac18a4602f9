package io.basalt.optimizer.dml;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.optimizer.PlannerOptions;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.QueryPlanner;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans DELETE, UPDATE and MERGE (PostgreSQL's syntax, see {@link DmlSyntaxParser}) as a query over the target
 * table, whose scan exposes each row's identity ({@link PlannerOptions#rowIdentityTable()}): the statement's parts
 * become one SELECT ({@link ChangeQueryText}) that the ordinary planner validates, optimizes (subqueries become
 * joins) and turns into a physical plan; the plan gets a projection on top that casts new values to the target
 * columns' types by SQL's assignment rule. Errors point into the statement as written. Thread-safe.
 */
public final class DmlPlanner {

    private final QueryPlanner planner;

    public DmlPlanner(QueryPlanner planner) {
        this.planner = planner;
    }

    public PlannedDml plan(String statementText, Manifest catalog, PlannerOptions options) {
        DmlTokens tokens = DmlTokens.of(statementText);
        DmlSyntax syntax = DmlSyntaxParser.parse(tokens);
        TableEntry target = target(syntax.target(), catalog, options.defaultSchema(), tokens);
        ChangeQueryText.Result written = ChangeQueryText.write(syntax, target.definition(), tokens);
        PlannedQuery planned;
        try {
            planned = planner.plan(written.query().text(), catalog, options
                    .withAssignedColumnTypes(written.assignedTypes()).withRowIdentityTable(target.tableId()));
        } catch (PlanningException e) {
            throw written.query().relocate(e);
        }
        List<ChangeAction> actions = new ArrayList<>();
        PhysicalNode plan = changes(planned.plan(), target.definition(), written, actions);
        int[] order = written.query().parameterOrder();
        LogicalType[] types = new LogicalType[order.length];
        for (int j = 0; j < order.length; j++) {
            types[order[j]] = planned.parameterTypes().get(j);
        }
        PlannedQuery query = new PlannedQuery(plan, plan.output(), planned.parameterTypes(), planned.planningTime(),
                planned.logicalPlanText(), planned.explainNotes(), planned.reads());
        // MERGE's ON condition always reads the target's rows; DELETE and UPDATE do with a WHERE condition.
        boolean readsTargetRows = syntax.kind() == DmlKind.MERGE || syntax.condition().isPresent();
        return new PlannedDml(syntax.kind(), target.tableId(), target.definition(), query, actions,
                Arrays.asList(types), order, readsTargetRows);
    }

    /** The query's row identity (and clause number), then each writing action's new rows in the table's types. */
    private static PhysicalNode changes(PhysicalNode plan, TableDefinition table, ChangeQueryText.Result written,
                                        List<ChangeAction> actions) {
        List<Expression> expressions = new ArrayList<>();
        List<Column> output = new ArrayList<>();
        int leading = written.hasClauseColumn() ? 2 : 1;
        for (int i = 0; i < leading; i++) {
            Column column = plan.output().get(i);
            expressions.add(new ColumnReference(i, column.type()));
            output.add(new Column(i == 0 ? "row_identity" : "clause", column.type(), column.nullable()));
        }
        int valueAction = 0;
        for (ChangeAction action : written.actions()) {
            if (!action.addsRow()) {
                actions.add(action);
                continue;
            }
            actions.add(new ChangeAction(action.kind(), expressions.size(), action.generatedColumns()));
            int[] sourceOf = written.sourceOfColumns().get(valueAction++);
            for (int c = 0; c < sourceOf.length; c++) {
                ColumnDefinition target = table.columns().get(c);
                Expression value;
                if (sourceOf[c] < 0) {
                    value = Literal.nullOf(target.type());
                } else {
                    LogicalType type = plan.output().get(sourceOf[c]).type();
                    value = AssignmentCasts.assign(new ColumnReference(sourceOf[c], type), type, target.type());
                }
                expressions.add(value);
                output.add(new Column(target.name(), target.type(), true));
            }
        }
        return new ProjectNode(plan, expressions, output, plan.estimatedRows());
    }

    private static TableEntry target(DmlSyntax.Target target, Manifest catalog, String defaultSchema, DmlTokens tokens) {
        List<String> parts = target.nameParts();
        if (parts.size() > 2) {
            throw tokens.errorAt(PlanningException.FEATURE_NOT_SUPPORTED, "not supported yet: cross-database references",
                    target.offset());
        }
        String schema = parts.size() == 2 ? parts.get(0) : defaultSchema;
        String name = parts.get(parts.size() - 1);
        return catalog.table(schema, name).orElseThrow(() -> tokens.errorAt(PlanningException.UNDEFINED_TABLE,
                "relation \"" + String.join(".", parts) + "\" does not exist", target.offset()));
    }
}
