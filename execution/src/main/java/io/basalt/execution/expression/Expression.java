package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;

/**
 * A scalar expression of a physical plan: the contract between the optimizer (which builds expressions
 * from Calcite's {@code RexNode}s, already type-checked, with every implicit cast made explicit) and the
 * executor (which compiles them into vectorized kernels). Execution never sees Calcite types.
 *
 * <p>Every expression carries its result type; a {@link Call}'s arguments have exactly the types the
 * function's rules say (e.g. both sides of a comparison have the same type; decimal arithmetic operands
 * keep their own scales and the call's type says the result's precision and scale).
 *
 * <p>A {@link Parameter} stands for a value supplied per execution; it is replaced by a {@link Literal}
 * before a plan runs.
 */
public sealed interface Expression permits ColumnReference, Literal, Call, Parameter {

    LogicalType type();
}
