package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;

import java.util.Objects;

/**
 * One target column of a CSV read: the n-th field of every line becomes a value of this column. The name is
 * only used in error messages.
 */
public record CsvColumn(String name, LogicalType type) {

    public CsvColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
