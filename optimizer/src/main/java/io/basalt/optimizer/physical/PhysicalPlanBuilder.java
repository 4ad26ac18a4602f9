package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Parameter;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.LimitNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.RecursiveUnionNode;
import io.basalt.execution.plan.RepeatRowsNode;
import io.basalt.execution.plan.SharedResultNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.IndexChoice;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.execution.plan.WorkingTableNode;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.BasaltTable;
import io.basalt.optimizer.catalog.SystemTable;
import io.basalt.optimizer.catalog.TypeMapping;
import io.basalt.optimizer.convention.BasaltTableScan;
import io.basalt.optimizer.rules.LateralJoins;
import io.basalt.optimizer.rules.RepeatRows;
import io.basalt.optimizer.rules.SharedSubplan;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.type.LogicalType;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.TransientTable;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds execution's physical plan from Calcite's optimized logical plan, operator by operator. Filters and
 * projections right above a table scan go into the scan (the scan reads only the columns someone needs and
 * evaluates the filter itself, skipping segments by zone maps); joins choose their algorithm and build side
 * ({@link JoinConverter}). An operator without a physical counterpart fails with SQLSTATE 0A000 naming it.
 */
public final class PhysicalPlanBuilder {

    private final RelMetadataQuery metadata;
    private final RexBuilder rexBuilder;
    /** When the statement started, in the JVM's time zone: what current_timestamp means in all its expressions. */
    private final LocalDateTime statementStart = LocalDateTime.now();
    /** The shared results built so far, by id: every use gets the same node. */
    private final Map<Integer, SharedResultNode> sharedResults = new HashMap<>();

    /** Whether filtered scans may read an index instead of their table ({@link IndexSelection}). */
    private final boolean useIndexes;

    private PhysicalPlanBuilder(RelMetadataQuery metadata, RexBuilder rexBuilder, boolean useIndexes) {
        this.metadata = metadata;
        this.rexBuilder = rexBuilder;
        this.useIndexes = useIndexes;
    }

    public static PhysicalNode build(RelNode plan) {
        return build(plan, true);
    }

    /** @param useIndexes whether scans may read indexes (the session setting {@code enable_indexscan}) */
    public static PhysicalNode build(RelNode plan, boolean useIndexes) {
        return new PhysicalPlanBuilder(plan.getCluster().getMetadataQuery(), plan.getCluster().getRexBuilder(),
                useIndexes).convert(plan);
    }

    PhysicalNode convert(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan(scan);
        }
        if (rel instanceof Filter filter) {
            return filter(filter);
        }
        if (rel instanceof Project project) {
            return project(project);
        }
        if (rel instanceof Join join) {
            return new JoinConverter(this).convert(join);
        }
        if (rel instanceof Aggregate aggregate) {
            return new AggregateConverter(this).convert(aggregate);
        }
        if (rel instanceof Sort sort) {
            return sort(sort);
        }
        if (rel instanceof Union union) {
            return union(union);
        }
        if (rel instanceof Values values) {
            return values(values);
        }
        if (rel instanceof RepeatUnion recursive) {
            return recursiveUnion(recursive);
        }
        if (rel instanceof RepeatRows repeat) {
            PhysicalNode input = convert(repeat.getInput());
            return new RepeatRowsNode(input, repeat.countColumn(), columns(repeat.getRowType()), rows(repeat));
        }
        if (rel instanceof SharedSubplan shared) {
            return sharedResult(shared);
        }
        if (rel instanceof Correlate correlate) {
            throw LateralJoins.notDecorrelated(correlate);
        }
        if (rel instanceof Window window) {
            return new WindowConverter(this).convert(window);
        }
        throw PlanningException.notSupported("the operator " + rel.getRelTypeName());
    }

    private SharedResultNode sharedResult(SharedSubplan shared) {
        SharedResultNode node = sharedResults.get(shared.id());
        if (node == null) {
            node = new SharedResultNode(shared.id(), convert(shared.getInput()), shared.uses(), rows(shared));
            sharedResults.put(shared.id(), node);
        }
        return node;
    }

    double rows(RelNode rel) {
        Double rows = metadata.getRowCount(rel);
        return rows == null ? 1.0 : rows;
    }

    /** The estimated rows of a physical node, for choosing build sides. */
    double estimated(PhysicalNode node) {
        return node.estimatedRows();
    }

    ExpressionConverter expressions(List<Column> input) {
        List<LogicalType> types = new ArrayList<>(input.size());
        for (Column column : input) {
            types.add(column.type());
        }
        return new ExpressionConverter(types, rexBuilder, statementStart);
    }

    static List<Column> columns(RelDataType rowType) {
        List<Column> columns = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            columns.add(new Column(field.getName(), TypeMapping.toBasalt(field.getType()), field.getType().isNullable()));
        }
        return columns;
    }

    private PhysicalNode scan(TableScan scan) {
        SystemTable systemTable = scan.getTable().unwrap(SystemTable.class);
        if (systemTable != null) {
            // the rows are already in execution's representation: text as String, integers as Long
            return new ValuesNode(columns(scan.getRowType()), systemTable.rows());
        }
        if (scan.getTable().unwrap(TransientTable.class) != null) {
            // The recursive query's working table: the rows its iterative part's previous run added.
            PhysicalNode working = new WorkingTableNode(workingTableName(scan.getTable()), columns(scan.getRowType()),
                    scan.getTable().getRowCount());
            if (scan instanceof BasaltTableScan filtered && filtered.filter().isPresent()) {
                return new FilterNode(working, expressions(working.output()).convert(filtered.filter().get()), rows(scan));
            }
            return working;
        }
        BasaltTable table = scan.getTable().unwrap(BasaltTable.class);
        if (table == null) {
            throw new PlanningException(PlanningException.INTERNAL_ERROR, "not a Basalt table: " + scan.getTable());
        }
        TableDefinition definition = table.entry().definition();
        // One column per field: the stored ones, then (in a DML statement's plan) the row identity.
        int[] columns = new int[scan.getRowType().getFieldCount()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i < definition.columns().size() ? i : TableScanNode.ROW_ID;
        }
        List<Column> output = columns(scan.getRowType());
        Optional<Expression> filter = Optional.empty();
        Optional<IndexChoice> index = Optional.empty();
        if (scan instanceof BasaltTableScan filtered && filtered.filter().isPresent()) {
            ExpressionConverter converter = expressions(output);
            filter = Optional.of(converter.convert(filtered.filter().get()));
            if (useIndexes) {
                index = IndexSelection.choose(table.entry(), scan, filtered.filter().get(), metadata, rexBuilder,
                        converter::convert, output);
            }
        }
        return new TableScanNode(definition.schema(), definition.name(), table.entry().tableId(), columns, output,
                filter, rows(scan), index);
    }

    private PhysicalNode filter(Filter filter) {
        PhysicalNode input = convert(filter.getInput());
        Expression condition = expressions(input.output()).convert(filter.getCondition());
        if (input instanceof TableScanNode scan) {
            Expression pushed = scan.filter()
                    .<Expression>map(existing -> Call.of(Function.AND, LogicalType.BOOLEAN, existing, condition))
                    .orElse(condition);
            return scan.withFilter(Optional.of(pushed), rows(filter));
        }
        return new FilterNode(input, condition, rows(filter));
    }

    private PhysicalNode project(Project project) {
        PhysicalNode input = convert(project.getInput());
        List<Expression> expressions = expressions(input.output()).convertAll(project.getProjects());
        if (input instanceof TableScanNode scan) {
            ScanNarrowing narrowed = narrow(scan, expressions);
            input = narrowed.scan();
            expressions = narrowed.expressions();
        }
        if (input instanceof ProjectNode inner && onlyMovesColumns(inner)) {
            // A projection that only reorders or drops columns (as a swapped join's) folds into this one.
            List<Expression> merged = new ArrayList<>();
            for (Expression expression : expressions) {
                merged.add(ColumnRemapping.substitute(expression, inner.expressions()));
            }
            expressions = merged;
            input = inner.input();
        }
        List<Column> output = outputOf(project.getRowType(), expressions);
        if (isIdentity(expressions, input.output(), output)) {
            return input;
        }
        return new ProjectNode(input, expressions, output, rows(project));
    }

    private static boolean onlyMovesColumns(ProjectNode project) {
        for (Expression expression : project.expressions()) {
            if (!(expression instanceof ColumnReference)) {
                return false;
            }
        }
        return true;
    }

    /** A scan reading only the columns the expressions above it (and its own filter) use. */
    record ScanNarrowing(TableScanNode scan, List<Expression> expressions) {
    }

    /** {@link #narrow(TableScanNode, List, boolean)} keeping at least one column. */
    static ScanNarrowing narrow(TableScanNode scan, List<Expression> expressions) {
        return narrow(scan, expressions, false);
    }

    /**
     * @param mayReadNoColumn whether the consumer only counts rows (an aggregation over the scan), so a scan reading
     *                        no column at all is fine: its batches carry row counts and no block is read
     */
    static ScanNarrowing narrow(TableScanNode scan, List<Expression> expressions, boolean mayReadNoColumn) {
        Set<Integer> used = new LinkedHashSet<>();
        for (Expression expression : expressions) {
            if (expression instanceof ColumnReference reference) {
                used.add(reference.index());
            }
        }
        for (Expression expression : expressions) {
            ColumnRemapping.collectColumns(expression, used);
        }
        // Positions among the scan's columns read (TableScanNode.readColumns): its output columns come first.
        Set<Integer> filterColumns = new TreeSet<>();
        scan.filter().ifPresent(filter -> ColumnRemapping.collectColumns(filter, filterColumns));
        if (used.isEmpty() && !mayReadNoColumn) {
            // Nothing above reads a column (EXISTS, constants per row): other operators expect a column per batch.
            // One the filter reads anyway costs no other column's blocks.
            used.add(filterColumns.isEmpty() ? 0 : filterColumns.iterator().next());
        }
        // The columns only the filter reads are read after the output ones and never output (never gathered).
        List<Integer> filterOnly = new ArrayList<>();
        for (int column : filterColumns) {
            if (!used.contains(column)) {
                filterOnly.add(column);
            }
        }
        List<Integer> order = new ArrayList<>(used);
        order.addAll(filterOnly);
        if (used.size() == scan.output().size() && isAscending(order) && order.size() == scan.columns().length) {
            return new ScanNarrowing(scan, expressions);
        }
        List<Column> read = scan.readColumns();
        int[] newPosition = new int[scan.columns().length];
        int[] columns = new int[order.size()];
        List<Column> output = new ArrayList<>();
        List<Column> filterOnlyColumns = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            int old = order.get(position);
            newPosition[old] = position;
            columns[position] = scan.columns()[old];
            (position < used.size() ? output : filterOnlyColumns).add(read.get(old));
        }
        Optional<Expression> filter = scan.filter().map(condition -> ColumnRemapping.remap(condition, i -> newPosition[i]));
        List<Expression> remapped = new ArrayList<>();
        for (Expression expression : expressions) {
            remapped.add(ColumnRemapping.remap(expression, i -> newPosition[i]));
        }
        TableScanNode narrowed = new TableScanNode(scan.schema(), scan.table(), scan.tableId(), columns, output, filter,
                scan.estimatedRows(), scan.index(), filterOnlyColumns);
        return new ScanNarrowing(narrowed, remapped);
    }

    private static boolean isAscending(List<Integer> columns) {
        int expected = 0;
        for (int column : columns) {
            if (column != expected++) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentity(List<Expression> expressions, List<Column> input, List<Column> output) {
        if (expressions.size() != input.size()) {
            return false;
        }
        for (int i = 0; i < expressions.size(); i++) {
            if (!(expressions.get(i) instanceof ColumnReference reference) || reference.index() != i
                    || !input.get(i).name().equals(output.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /** Output columns named by the row type, typed by the expressions computing them. */
    static List<Column> outputOf(RelDataType rowType, List<Expression> expressions) {
        List<Column> output = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            RelDataTypeField field = rowType.getFieldList().get(i);
            output.add(new Column(field.getName(), expressions.get(i).type(), field.getType().isNullable()));
        }
        return output;
    }

    /** An ORDER BY key of a sort or a window. */
    static SortKey sortKey(RelFieldCollation collation) {
        boolean ascending = !collation.direction.isDescending();
        boolean nullsFirst = switch (collation.nullDirection) {
            case FIRST -> true;
            case LAST -> false;
            // PostgreSQL's default: NULLs sort as larger than every value.
            case UNSPECIFIED -> !ascending;
        };
        return new SortKey(collation.getFieldIndex(), ascending, nullsFirst);
    }

    private PhysicalNode sort(Sort sort) {
        PhysicalNode input = convert(sort.getInput());
        RowBound offset = RowBound.of(sort.offset, 0, "OFFSET");
        RowBound limit = RowBound.of(sort.fetch, -1, "LIMIT");
        List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        if (collations.isEmpty()) {
            if (offset.isNone(0) && limit.isNone(-1)) {
                return input;
            }
            return new LimitNode(input, offset.constant(), limit.constant(), offset.parameter(), limit.parameter(),
                    rows(sort));
        }
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation collation : collations) {
            keys.add(sortKey(collation));
        }
        return new SortNode(input, keys, offset.constant(), limit.constant(), offset.parameter(), limit.parameter(),
                rows(sort));
    }

    /** An OFFSET or LIMIT: a constant, or a parameter whose value comes with each execution. */
    private record RowBound(long constant, Optional<Parameter> parameter) {

        static RowBound of(RexNode bound, long none, String clause) {
            if (bound == null) {
                return new RowBound(none, Optional.empty());
            }
            if (bound instanceof RexLiteral literal) {
                Long value = literal.getValueAs(Long.class);
                if (value != null) {
                    return new RowBound(value, Optional.empty());
                }
            }
            if (bound instanceof RexDynamicParam parameter) {
                LogicalType type = TypeMapping.toBasalt(parameter.getType());
                if (TypeCoercion.isInteger(type)) {
                    return new RowBound(none, Optional.of(new Parameter(parameter.getIndex(), type)));
                }
            }
            throw PlanningException.notSupported(clause + " that is not a constant or a parameter");
        }

        boolean isNone(long none) {
            return parameter.isEmpty() && constant == none;
        }
    }

    private PhysicalNode union(Union union) {
        if (!union.all) {
            throw PlanningException.notSupported("UNION without ALL here");
        }
        List<Column> output = columns(union.getRowType());
        List<PhysicalNode> inputs = new ArrayList<>();
        for (RelNode rel : union.getInputs()) {
            inputs.add(castColumns(convert(rel), output));
        }
        return new UnionNode(inputs, output, rows(union));
    }

    private PhysicalNode recursiveUnion(RepeatUnion recursive) {
        List<Column> output = columns(recursive.getRowType());
        List<Column> working = columns(recursive.getTransientTable().getRowType());
        for (int i = 0; i < output.size(); i++) {
            if (!working.get(i).type().equals(output.get(i).type())) {
                // The iterative part would read rows of other types than it was planned for.
                throw PlanningException.notSupported("a recursive query whose recursive part changes the type of column "
                        + output.get(i).name() + " (cast the non-recursive part to " + output.get(i).type() + ")");
            }
        }
        PhysicalNode seed = castColumns(convert(recursive.getSeedRel()), output);
        PhysicalNode iterative = castColumns(convert(recursive.getIterativeRel()), output);
        String name = workingTableName(recursive.getTransientTable());
        if (workingTableReads(iterative, name) > 1) {
            // Each run would join the working table with itself (PostgreSQL forbids this non-linear recursion).
            throw new PlanningException("42P19", "recursive reference to query \"" + name
                    + "\" must not appear more than once");
        }
        int limit = recursive.iterationLimit < 0 ? RecursiveUnionNode.DEFAULT_ITERATION_LIMIT
                : Math.min(recursive.iterationLimit, RecursiveUnionNode.DEFAULT_ITERATION_LIMIT);
        return new RecursiveUnionNode(seed, iterative, recursive.all, name, limit, output, rows(recursive));
    }

    private static int workingTableReads(PhysicalNode node, String name) {
        int reads = node instanceof WorkingTableNode working && working.name().equals(name) ? 1 : 0;
        for (PhysicalNode input : node.inputs()) {
            reads += workingTableReads(input, name);
        }
        if (reads > 0 && node instanceof AggregateNode) {
            // An aggregate of the working table yields a row from every run, even an empty one: it never ends.
            throw new PlanningException("42P19", "aggregate functions are not allowed in a recursive query's recursive term");
        }
        return reads;
    }

    private static String workingTableName(RelOptTable table) {
        return String.join(".", table.getQualifiedName());
    }

    /** The node with its columns cast to {@code target}'s types, by a projection if any differs. */
    static PhysicalNode castColumns(PhysicalNode node, List<Column> target) {
        boolean same = true;
        List<Expression> expressions = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            Column column = node.output().get(i);
            expressions.add(TypeCoercion.castTo(new ColumnReference(i, column.type()), target.get(i).type()));
            same &= column.type().equals(target.get(i).type());
        }
        if (same) {
            return node;
        }
        List<Column> output = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            output.add(new Column(node.output().get(i).name(), target.get(i).type(), node.output().get(i).nullable()));
        }
        return new ProjectNode(node, expressions, output, node.estimatedRows());
    }

    private PhysicalNode values(Values values) {
        List<Column> output = columns(values.getRowType());
        List<List<Object>> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                row.add(LiteralValues.of(tuple.get(i), output.get(i).type()).value());
            }
            rows.add(row);
        }
        return new ValuesNode(output, rows);
    }
}
