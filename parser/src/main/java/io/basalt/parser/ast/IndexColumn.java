package io.basalt.parser.ast;

import java.util.Objects;

/** A key column of CREATE INDEX: {@code name [ASC | DESC]}. */
public record IndexColumn(String name, boolean descending) {

    public IndexColumn {
        Objects.requireNonNull(name, "name");
    }
}
