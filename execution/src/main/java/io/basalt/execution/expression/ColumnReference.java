package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;

/** The value of column {@code index} of the input batch. */
public record ColumnReference(int index, LogicalType type) implements Expression {

    public ColumnReference {
        if (index < 0) {
            throw new IllegalArgumentException("column index must not be negative: " + index);
        }
    }
}
