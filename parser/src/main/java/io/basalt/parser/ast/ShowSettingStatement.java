package io.basalt.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code SHOW name} (one setting's value) or {@code SHOW ALL} (every setting; no name). */
public record ShowSettingStatement(Optional<String> name, SourceSpan span) implements Statement {

    public ShowSettingStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(span, "span");
    }
}
