package io.basalt.optimizer;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.optimizer.catalog.BasaltTypeFactory;
import io.basalt.optimizer.catalog.TypeMapping;
import io.basalt.optimizer.convention.PhysicalPhase;
import io.basalt.optimizer.metadata.BasaltMetadata;
import io.basalt.optimizer.physical.PhysicalPlanBuilder;
import io.basalt.optimizer.physical.UnsupportedFunctionException;
import io.basalt.optimizer.rules.ConstantExpressionEvaluator;
import io.basalt.optimizer.rules.OptimizerPhases;
import io.basalt.optimizer.sql.QueryTranslator;
import io.basalt.optimizer.statistics.QueryStatistics;
import io.basalt.optimizer.statistics.ScanSegmentCounts;
import io.basalt.optimizer.statistics.StatisticsSource;
import io.basalt.optimizer.sql.TranslatedQuery;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans queries: text in, physical plan out. The path of one query:
 *
 * <pre>
 *   QueryTranslator      parse, validate against the catalog, convert to Calcite's relational algebra
 *   OptimizerPhases      subqueries to joins, decorrelation, simplification, push-down, join order
 *   PhysicalPhase        Basalt's physical operators chosen by cost (join build sides, filters in scans)
 *   PhysicalPlanBuilder  Basalt's physical operators to execution's PhysicalNode tree
 * </pre>
 *
 * Thread-safe and reusable: every call builds its own Calcite objects (type factory, catalog reader, cluster)
 * over the manifest it is given, so concurrent queries on different snapshots never share state. Errors are
 * {@link PlanningException}s with a SQLSTATE; Calcite's own exceptions never escape.
 */
public final class QueryPlanner {

    private final StatisticsSource statistics;

    /** A planner without column statistics: row counts and constraints only (tests, catalogs without data). */
    public QueryPlanner() {
        this(StatisticsSource.NONE);
    }

    /** A planner that takes column statistics (ranges, null fractions, distinct counts) from {@code statistics}. */
    public QueryPlanner(StatisticsSource statistics) {
        this.statistics = statistics;
    }

    /**
     * Plans one SELECT, WITH or VALUES query against one catalog version.
     *
     * <p>Query parameters ({@code ?}) take the type their context gives them ({@code l_quantity < ?} a DECIMAL(15,2),
     * a whole result column the type in {@link PlannerOptions#assignedColumnTypes()}); one whose type nothing
     * determines ({@code SELECT ?}) fails with 42P18 at its position. The plan is a template holding
     * {@code Parameter}s, see {@link PlannedQuery}.
     */
    public PlannedQuery plan(String queryText, Manifest catalog, PlannerOptions options) {
        long start = System.nanoTime();
        try {
            QueryStatistics queryStatistics = new QueryStatistics(statistics);
            RelOptCluster cluster = newCluster(queryStatistics);
            TranslatedQuery translated = QueryTranslator.translate(queryText, catalog, options, cluster);
            RelRoot root = translated.root();
            RelNode optimized = OptimizerPhases.optimize(root.project(), options.shareSubplans());
            PhysicalNode physical;
            try {
                physical = PhysicalPlanBuilder.build(PhysicalPhase.run(optimized), options.useIndexes());
            } catch (UnsupportedFunctionException e) {
                int[] position = translated.positionOfCall(e.functionName()).orElse(new int[] {0, 0});
                throw new PlanningException(e.sqlState(), e.getMessage(), position[0], position[1], e);
            }
            List<Column> columns = resultColumns(translated.columnNames(), physical);
            physical = named(physical, columns);
            Map<PhysicalNode, String> notes = ScanSegmentCounts.of(physical, catalog, queryStatistics);
            Duration planningTime = Duration.ofNanos(System.nanoTime() - start);
            List<LogicalType> parameterTypes = new ArrayList<>();
            for (RelDataType type : translated.parameterTypes()) {
                parameterTypes.add(TypeMapping.toBasalt(type));
            }
            return new PlannedQuery(physical, columns, parameterTypes, planningTime, RelOptUtil.toString(optimized),
                    notes, translated.reads());
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

    /**
     * Plans the query of a CREATE VIEW, so that it fails now, with positions, if it would fail later; and returns its
     * columns as the validator types them and the tables and views it reads.
     */
    public AnalyzedView analyzeView(String queryText, Manifest catalog, PlannerOptions options) {
        plan(queryText, catalog, options);
        try {
            TranslatedQuery translated = QueryTranslator.translate(queryText, catalog, options,
                    newCluster(new QueryStatistics(statistics)));
            List<String> names = translated.columnNames();
            List<RelDataTypeField> fields = translated.root().validatedRowType.getFieldList();
            List<Column> columns = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                RelDataType type = fields.get(i).getType();
                columns.add(new Column(names.get(i), TypeMapping.toBasalt(type), type.isNullable()));
            }
            return new AnalyzedView(columns, translated.readRelations(), translated.reads());
        } catch (PlanningException e) {
            throw e;
        } catch (RuntimeException e) {
            // The same text planned a moment ago; a failure now is Basalt's bug, not the user's.
            throw new PlanningException(PlanningException.INTERNAL_ERROR, "internal error while analysing a view: " + e,
                    0, 0, e);
        }
    }

    private static RelOptCluster newCluster(QueryStatistics statistics) {
        JavaTypeFactoryImpl typeFactory = new BasaltTypeFactory();
        // The cluster's planner runs no rules: it carries the cost factory, the constant folder and (in its context)
        // the query's statistics for the metadata handlers. The heuristic phases run HepPlanners of their own.
        VolcanoPlanner planner = PhysicalPhase.newPlanner(Contexts.of(statistics));
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
                    aggregate.estimatedRows(), aggregate.groupingSets());
        }
        List<Expression> expressions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            expressions.add(new ColumnReference(i, columns.get(i).type()));
        }
        return new ProjectNode(plan, expressions, columns, plan.estimatedRows());
    }
}
