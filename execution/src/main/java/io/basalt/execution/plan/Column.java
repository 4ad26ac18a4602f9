package io.basalt.execution.plan;

import io.basalt.storage.type.LogicalType;

/** One output column of a plan node: its name (for EXPLAIN and result metadata), type and nullability. */
public record Column(String name, LogicalType type, boolean nullable) {
}
