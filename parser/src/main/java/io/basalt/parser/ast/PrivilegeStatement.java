package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code GRANT privileges ON target TO grantee [, …]} ({@code grant}) or {@code REVOKE privileges ON target FROM
 * grantee [, …]}. {@code ALL [PRIVILEGES]} leaves {@link #privileges} empty and sets {@link #allPrivileges}: what it
 * stands for depends on the target. A grantee {@code PUBLIC} is {@link #PUBLIC}.
 */
public record PrivilegeStatement(boolean grant, boolean allPrivileges, List<Privilege> privileges,
                                 PrivilegeTarget target, List<String> grantees, SourceSpan span) implements Statement {

    /** The grantee every role belongs to (written {@code PUBLIC}, unquoted). */
    public static final String PUBLIC = "public";

    public PrivilegeStatement {
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(target, "target");
        grantees = List.copyOf(grantees);
        Objects.requireNonNull(span, "span");
    }
}
