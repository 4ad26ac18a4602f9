package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP USER|ROLE [IF EXISTS] name [, …]}. */
public record DropRoleStatement(List<String> names, boolean ifExists, SourceSpan span) implements Statement {

    public DropRoleStatement {
        names = List.copyOf(names);
        Objects.requireNonNull(span, "span");
    }
}
