package io.basalt.execution.parameter;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ConstantEvaluation;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.expression.Parameter;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.LimitNode;
import io.basalt.execution.plan.NestedLoopJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.RecursiveUnionNode;
import io.basalt.execution.plan.RepeatRowsNode;
import io.basalt.execution.plan.SharedResultNode;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.execution.plan.WindowNode;
import io.basalt.execution.plan.WorkingTableNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a plan's parameters for one execution: every {@link Parameter} — in scan filters, filters, projections,
 * join conditions, and LIMIT/OFFSET bounds — becomes the literal of its value, and calls whose arguments are then
 * all literals are folded. The bound plan is what a plan written with those values would be, so compiled kernels
 * take the values as scalars and the scan's zone maps skip blocks with them. Subtrees without parameters are
 * shared with the template, which is never changed: one template serves every execution.
 *
 * <p>Values and VALUES rows hold literals only (the optimizer plans {@code VALUES (?, ?)} as a projection over one
 * row), and aggregates refer to columns, so those nodes have nothing to bind themselves.
 */
public final class PlanBinder {

    /** PostgreSQL's SQLSTATEs for a negative LIMIT or OFFSET. */
    static final String INVALID_LIMIT = "2201W";
    static final String INVALID_OFFSET = "2201X";

    private final List<Literal> values;
    /** Shared results bound so far, by id: every use of one gets the same bound node, so it is still computed once. */
    private final Map<Integer, SharedResultNode> sharedResults = new HashMap<>();

    private PlanBinder(List<Literal> values) {
        this.values = values;
    }

    /**
     * The plan with parameter {@code i} replaced by {@code values.get(i)}; each literal must have its parameter's
     * type (see {@link ParameterValues}).
     *
     * @throws ExecutionException 2201W/2201X for a negative LIMIT/OFFSET value
     */
    public static PhysicalNode bind(PhysicalNode plan, List<Literal> values) {
        return new PlanBinder(List.copyOf(values)).node(plan);
    }

    /** The expression with its parameters bound, as {@link #bind} binds a plan's expressions. */
    public static Expression bind(Expression expression, List<Literal> values) {
        return new PlanBinder(List.copyOf(values)).expression(expression);
    }

    private PhysicalNode node(PhysicalNode node) {
        if (node instanceof TableScanNode scan) {
            Optional<Expression> filter = scan.filter().map(this::expression);
            return filter.equals(scan.filter()) ? scan : scan.withFilter(filter, scan.estimatedRows());
        }
        if (node instanceof FilterNode filter) {
            PhysicalNode input = node(filter.input());
            Expression condition = expression(filter.condition());
            return input == filter.input() && condition == filter.condition() ? filter
                    : new FilterNode(input, condition, filter.estimatedRows());
        }
        if (node instanceof ProjectNode project) {
            PhysicalNode input = node(project.input());
            List<Expression> expressions = expressions(project.expressions());
            return input == project.input() && expressions == project.expressions() ? project
                    : new ProjectNode(input, expressions, project.output(), project.estimatedRows(), project.longWhenFits());
        }
        if (node instanceof HashJoinNode join) {
            PhysicalNode left = node(join.left());
            PhysicalNode right = node(join.right());
            Optional<Expression> residual = join.residual().map(this::expression);
            return left == join.left() && right == join.right() && residual.equals(join.residual()) ? join
                    : new HashJoinNode(join.joinType(), left, right, join.leftKeys(), join.rightKeys(), residual,
                    join.nullAwareAnti(), join.output(), join.estimatedRows());
        }
        if (node instanceof NestedLoopJoinNode join) {
            PhysicalNode left = node(join.left());
            PhysicalNode right = node(join.right());
            Optional<Expression> condition = join.condition().map(this::expression);
            return left == join.left() && right == join.right() && condition.equals(join.condition()) ? join
                    : new NestedLoopJoinNode(join.joinType(), left, right, condition, join.output(), join.estimatedRows());
        }
        if (node instanceof AggregateNode aggregate) {
            PhysicalNode input = node(aggregate.input());
            return input == aggregate.input() ? aggregate : new AggregateNode(input, aggregate.groupKeys(),
                    aggregate.aggregates(), aggregate.output(), aggregate.estimatedRows(), aggregate.groupingSets());
        }
        if (node instanceof SortNode sort) {
            PhysicalNode input = node(sort.input());
            if (input == sort.input() && !sort.hasParameters()) {
                return sort;
            }
            return new SortNode(input, sort.keys(), offset(sort.offset(), sort.offsetParameter()),
                    limit(sort.limit(), sort.limitParameter()), sort.estimatedRows());
        }
        if (node instanceof WindowNode window) {
            PhysicalNode input = node(window.input());
            return input == window.input() ? window : new WindowNode(input, window.partitionKeys(), window.orderKeys(),
                    window.functions(), window.estimatedRows());
        }
        if (node instanceof LimitNode limit) {
            PhysicalNode input = node(limit.input());
            if (input == limit.input() && !limit.hasParameters()) {
                return limit;
            }
            return new LimitNode(input, offset(limit.offset(), limit.offsetParameter()),
                    limit(limit.limit(), limit.limitParameter()), limit.estimatedRows());
        }
        if (node instanceof UnionNode union) {
            List<PhysicalNode> inputs = new ArrayList<>(union.inputs().size());
            boolean changed = false;
            for (PhysicalNode input : union.inputs()) {
                PhysicalNode bound = node(input);
                inputs.add(bound);
                changed |= bound != input;
            }
            return changed ? new UnionNode(inputs, union.output(), union.estimatedRows()) : union;
        }
        if (node instanceof RecursiveUnionNode recursive) {
            PhysicalNode seed = node(recursive.seed());
            PhysicalNode iterative = node(recursive.iterative());
            return seed == recursive.seed() && iterative == recursive.iterative() ? recursive
                    : new RecursiveUnionNode(seed, iterative, recursive.all(), recursive.workingTable(),
                            recursive.iterationLimit(), recursive.output(), recursive.estimatedRows());
        }
        if (node instanceof WorkingTableNode) {
            return node;
        }
        if (node instanceof RepeatRowsNode repeat) {
            PhysicalNode input = node(repeat.input());
            return input == repeat.input() ? repeat
                    : new RepeatRowsNode(input, repeat.countColumn(), repeat.output(), repeat.estimatedRows());
        }
        if (node instanceof SharedResultNode shared) {
            SharedResultNode bound = sharedResults.get(shared.id());
            if (bound == null) {
                PhysicalNode input = node(shared.input());
                bound = input == shared.input() ? shared
                        : new SharedResultNode(shared.id(), input, shared.uses(), shared.estimatedRows());
                sharedResults.put(shared.id(), bound);
            }
            return bound;
        }
        return (ValuesNode) node;
    }

    /** The same list when no expression changed, so callers can tell by identity. */
    private List<Expression> expressions(List<Expression> expressions) {
        List<Expression> bound = new ArrayList<>(expressions.size());
        boolean changed = false;
        for (Expression expression : expressions) {
            Expression result = expression(expression);
            bound.add(result);
            changed |= result != expression;
        }
        return changed ? bound : expressions;
    }

    private Expression expression(Expression expression) {
        if (expression instanceof Parameter parameter) {
            return value(parameter);
        }
        if (!(expression instanceof Call call)) {
            return expression;
        }
        List<Expression> arguments = expressions(call.arguments());
        if (arguments == call.arguments()) {
            return call;
        }
        return ConstantEvaluation.fold(new Call(call.function(), arguments, call.type()));
    }

    private Literal value(Parameter parameter) {
        if (parameter.index() >= values.size()) {
            throw parameter.notBound();
        }
        Literal value = values.get(parameter.index());
        if (!value.type().equals(parameter.type())) {
            throw new IllegalArgumentException("parameter " + parameter.name() + " is of type " + parameter.type()
                    + ", its value of type " + value.type());
        }
        return value;
    }

    /** A LIMIT: NULL means no limit (PostgreSQL's LIMIT NULL); negative values are an error. */
    private long limit(long constant, Optional<Parameter> parameter) {
        if (parameter.isEmpty()) {
            return constant;
        }
        Long value = rowCount(parameter.get());
        if (value == null) {
            return -1;
        }
        if (value < 0) {
            throw new ExecutionException(INVALID_LIMIT, "LIMIT must not be negative (parameter "
                    + parameter.get().name() + " is " + value + ")");
        }
        return value;
    }

    /** An OFFSET: NULL means none. */
    private long offset(long constant, Optional<Parameter> parameter) {
        if (parameter.isEmpty()) {
            return constant;
        }
        Long value = rowCount(parameter.get());
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw new ExecutionException(INVALID_OFFSET, "OFFSET must not be negative (parameter "
                    + parameter.get().name() + " is " + value + ")");
        }
        return value;
    }

    private Long rowCount(Parameter parameter) {
        Object value = value(parameter).value();
        if (value != null && !(value instanceof Long)) {
            throw new IllegalArgumentException("a LIMIT/OFFSET parameter must be an integer, " + parameter.name()
                    + " is " + parameter.type());
        }
        return (Long) value;
    }
}
