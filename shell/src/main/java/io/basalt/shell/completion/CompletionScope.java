package io.basalt.shell.completion;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What may be typed at the cursor: the kinds of words, the qualifier before a dot ({@code o} in
 * {@code o.o_}), and the tables the statement reads, whose columns are the ones worth offering.
 */
record CompletionScope(Set<CompletionKind> kinds, Optional<String> qualifier, List<TableReference> tables) {

    static final CompletionScope NOTHING = new CompletionScope(Set.of(), Optional.empty(), List.of());

    CompletionScope {
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(qualifier, "qualifier");
        tables = List.copyOf(tables);
    }
}
