package io.basalt.execution.plan;

import io.basalt.execution.expression.Parameter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Skips {@code offset} rows, then passes at most {@code limit} (-1: all) of the input, in input order.
 *
 * @param offsetParameter when present, the offset is this (BIGINT) parameter's value, known only when the plan is
 *                        bound ({@code LIMIT ? OFFSET ?} of a prepared statement); {@code offset} is then unused
 * @param limitParameter  likewise for the limit
 */
public record LimitNode(PhysicalNode input, long offset, long limit, Optional<Parameter> offsetParameter,
                        Optional<Parameter> limitParameter, double estimatedRows) implements PhysicalNode {

    public LimitNode {
        Objects.requireNonNull(offsetParameter, "offsetParameter");
        Objects.requireNonNull(limitParameter, "limitParameter");
    }

    /** A limit with constant bounds. */
    public LimitNode(PhysicalNode input, long offset, long limit, double estimatedRows) {
        this(input, offset, limit, Optional.empty(), Optional.empty(), estimatedRows);
    }

    /** Whether a bound waits for a parameter's value. */
    public boolean hasParameters() {
        return offsetParameter.isPresent() || limitParameter.isPresent();
    }

    @Override
    public List<Column> output() {
        return input.output();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
