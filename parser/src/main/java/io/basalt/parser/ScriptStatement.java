package io.basalt.parser;

import io.basalt.parser.ast.SourceSpan;
import java.util.Objects;

/**
 * One statement of a script as text: from its first to its last significant token (comments before and
 * after it, and its {@code ;}, are not part of it; comments inside are). {@code terminated} says whether a
 * {@code ;} ended it, which the shell uses to know that a statement is complete.
 */
public record ScriptStatement(String text, SourceSpan span, boolean terminated) {

    public ScriptStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(span, "span");
    }
}
