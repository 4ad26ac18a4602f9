package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code GRANT role [, …] TO member [, …]} ({@code grant}) or {@code REVOKE role [, …] FROM member [, …]}. */
public record RoleMembershipStatement(boolean grant, List<String> roles, List<String> members, SourceSpan span)
        implements Statement {

    public RoleMembershipStatement {
        roles = List.copyOf(roles);
        members = List.copyOf(members);
        Objects.requireNonNull(span, "span");
    }
}
