package io.basalt.parser.ast;

import java.util.Objects;

/**
 * {@code SET name = value} or {@code SET name TO value}. The name is case-folded, its dotted parts joined
 * with {@code .}; {@code SET name TO DEFAULT} has a value of kind {@link OptionValue.Kind#DEFAULT}.
 */
public record SetStatement(String name, OptionValue value, SourceSpan span) implements Statement {

    public SetStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(span, "span");
    }
}
