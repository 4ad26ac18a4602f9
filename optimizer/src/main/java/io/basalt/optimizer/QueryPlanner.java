package io.basalt.optimizer;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.optimizer.catalog.BasaltTypeFactory;
import io.basalt.optimizer.cost.BasaltCostFactory;
import io.basalt.optimizer.metadata.BasaltMetadata;
import io.basalt.optimizer.physical.PhysicalPlanBuilder;
import io.basalt.optimizer.physical.UnsupportedFunctionException;
import io.basalt.optimizer.rules.ConstantExpressionEvaluator;
import io.basalt.optimizer.rules.OptimizerPhases;
import io.basalt.optimizer.sql.QueryTranslator;
import io.basalt.optimizer.sql.TranslatedQuery;
import io.basalt.storage.commit.Manifest;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans queries: text in, physical plan out. The path of one query:
 *
 * <pre>
 *   QueryTranslator      parse, validate against the catalog, convert to Calcite's relational algebra
 *   OptimizerPhases      subqueries to joins, decorrelation, simplification, push-down, join order
 *   PhysicalPlanBuilder  Calcite's plan to execution's PhysicalNode tree
 * </pre>
 *
 * Thread-safe and reusable: every call builds its own Calcite objects (type factory, catalog reader, cluster)
 * over the manifest it is given, so concurrent queries on different snapshots never share state. Errors are
 * {@link PlanningException}s with a SQLSTATE; Calcite's own exceptions never escape.
 */
public final class QueryPlanner {

    /**
     * Plans one SELECT, WITH or VALUES query against one catalog version.
     *
     * <p>Query parameters ({@code ?}) are refused for now (0A000); see {@code QueryTranslator} for how they fit in.
     */
    public PlannedQuery plan(String queryText, Manifest catalog, PlannerOptions options) {
        long start = System.nanoTime();
        try {
            RelOptCluster cluster = newCluster();
            TranslatedQuery translated = QueryTranslator.translate(queryText, catalog, options.defaultSchema(), cluster);
            RelRoot root = translated.root();
            RelNode optimized = OptimizerPhases.optimize(root.project());
            PhysicalNode physical;
            try {
                physical = PhysicalPlanBuilder.build(optimized);
            } catch (UnsupportedFunctionException e) {
                int[] position = translated.positionOfCall(e.functionName()).orElse(new int[] {0, 0});
                throw new PlanningException(e.sqlState(), e.getMessage(), position[0], position[1], e);
            }
            List<Column> columns = resultColumns(translated.columnNames(), physical);
            physical = named(physical, columns);
            Duration planningTime = Duration.ofNanos(System.nanoTime() - start);
            return new PlannedQuery(physical, columns, planningTime, RelOptUtil.toString(optimized));
        } catch (PlanningException e) {
            throw e;
        } catch (CalciteContextException e) {
            throw new PlanningException(PlanningException.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, e.getMessage(),
                    e.getPosLine(), e.getPosColumn(), e);
        } catch (CalciteException e) {
            throw new PlanningException(PlanningException.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, e.getMessage(), 0, 0, e);
        } catch (RuntimeException | AssertionError e) {
            // Calcite reports broken invariants of its own (a rule changing a row type) as AssertionErrors.
            throw new PlanningException(PlanningException.INTERNAL_ERROR,
                    "internal error while planning: " + e, 0, 0, e);
        }
    }

    private static RelOptCluster newCluster() {
        JavaTypeFactoryImpl typeFactory = new BasaltTypeFactory();
        // The cluster's planner only carries the cost factory and the constant folder; the phases run their own.
        HepPlanner planner = new HepPlanner(HepProgram.builder().build(), null, true, null, BasaltCostFactory.INSTANCE);
        planner.setExecutor(ConstantExpressionEvaluator.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        BasaltMetadata.install(cluster);
        return cluster;
    }

    /** The names the query gives its columns, with the types and nullability the plan computes. */
    private static List<Column> resultColumns(List<String> names, PhysicalNode plan) {
        List<Column> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            Column computed = plan.output().get(i);
            columns.add(new Column(names.get(i), computed.type(), computed.nullable()));
        }
        return columns;
    }

    /** The plan with its top columns named as the result's (a projection when the optimizer renamed them). */
    private static PhysicalNode named(PhysicalNode plan, List<Column> columns) {
        if (plan.output().equals(columns)) {
            return plan;
        }
        if (plan instanceof ProjectNode project) {
            return new ProjectNode(project.input(), project.expressions(), columns, project.estimatedRows());
        }
        if (plan instanceof AggregateNode aggregate) {
            return new AggregateNode(aggregate.input(), aggregate.groupKeys(), aggregate.aggregates(), columns,
                    aggregate.estimatedRows());
        }
        List<Expression> expressions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            expressions.add(new ColumnReference(i, columns.get(i).type()));
        }
        return new ProjectNode(plan, expressions, columns, plan.estimatedRows());
    }
}
