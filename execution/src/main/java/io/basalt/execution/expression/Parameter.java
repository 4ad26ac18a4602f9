package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.type.LogicalType;

/**
 * A query parameter ({@code ?}): slot {@code index} (0-based, in the order the parameters appear in the query
 * text) of the values supplied for one execution. A plan holding parameters is a template that serves every
 * execution of a prepared statement; {@code io.basalt.execution.parameter.PlanBinder} replaces each parameter
 * with a {@link Literal} of its value before the plan runs, so kernels, constant folding and zone maps only
 * ever see literals. Compiling a parameter fails: a plan that was not bound must not run.
 *
 * @param type the type the value is converted to when bound (inferred by the planner from the context)
 */
public record Parameter(int index, LogicalType type) implements Expression {

    public Parameter {
        if (index < 0) {
            throw new IllegalArgumentException("parameter index must not be negative: " + index);
        }
    }

    /** The name users see in messages and EXPLAIN: PostgreSQL's {@code $1}, {@code $2}, … */
    public String name() {
        return nameOf(index);
    }

    /**
     * The error for running a plan that still holds this parameter: a caller forgot to bind it, which is a bug
     * (XX000), reported loudly rather than run with some default value.
     */
    public ExecutionException notBound() {
        return new ExecutionException(StorageErrors.INTERNAL_ERROR, "parameter " + name()
                + " has no value: the plan must be bound (PlanBinder) before it runs");
    }

    /** The user-facing name of the 0-based parameter slot {@code index}. */
    public static String nameOf(int index) {
        return "$" + (index + 1);
    }
}
