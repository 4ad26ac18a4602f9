package io.basalt.execution.plan;

import io.basalt.execution.expression.Parameter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Orders the input by {@code keys}; with a {@code limit} (≥ 0) it is a top-N that keeps only
 * {@code offset + limit} rows while sorting. {@code limit} -1 means all rows.
 *
 * @param offsetParameter when present, the offset is this (BIGINT) parameter's value, known only when the plan is
 *                        bound ({@code ORDER BY … LIMIT ? OFFSET ?} of a prepared statement); {@code offset} is
 *                        then unused
 * @param limitParameter  likewise for the limit
 */
public record SortNode(PhysicalNode input, List<SortKey> keys, long offset, long limit,
                       Optional<Parameter> offsetParameter, Optional<Parameter> limitParameter, double estimatedRows)
        implements PhysicalNode {

    public SortNode {
        keys = List.copyOf(keys);
        Objects.requireNonNull(offsetParameter, "offsetParameter");
        Objects.requireNonNull(limitParameter, "limitParameter");
    }

    /** A sort (limit -1) or top-N with constant bounds. */
    public SortNode(PhysicalNode input, List<SortKey> keys, long offset, long limit, double estimatedRows) {
        this(input, keys, offset, limit, Optional.empty(), Optional.empty(), estimatedRows);
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
