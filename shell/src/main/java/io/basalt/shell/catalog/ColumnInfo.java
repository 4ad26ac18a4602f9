package io.basalt.shell.catalog;

import java.util.Objects;

/** A column as completion shows it: its name and SQL type. */
public record ColumnInfo(String name, String type) {

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
