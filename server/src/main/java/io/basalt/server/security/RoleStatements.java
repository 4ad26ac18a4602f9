package io.basalt.server.security;

import io.basalt.parser.ast.AlterRoleStatement;
import io.basalt.parser.ast.CreateRoleStatement;
import io.basalt.parser.ast.DropRoleStatement;
import io.basalt.parser.ast.RoleMembershipStatement;
import io.basalt.parser.ast.RoleOptions;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.commit.Manifest;

/**
 * CREATE, ALTER and DROP of users and roles, and GRANT/REVOKE of roles, with PostgreSQL's rules and messages. Only a
 * superuser manages roles (PostgreSQL's CREATEROLE attribute does not exist here); any user may change their own
 * password. A password is kept only as SCRAM-SHA-256 keys in the users file; every change is on disk before the
 * statement returns.
 */
public final class RoleStatements {

    private static final String DUPLICATE_OBJECT = "42710";
    private static final String UNDEFINED_OBJECT = "42704";
    private static final String RESERVED_NAME = "42939";
    private static final String DEPENDENT_OBJECTS = "2BP01";
    private static final String INVALID_GRANT = "0LP01";
    private static final String OBJECT_IN_USE = "55006";

    private final Authorization authorization;
    private final Security security;

    public RoleStatements(Authorization authorization) {
        this.authorization = authorization;
        this.security = authorization.security();
    }

    public StatementResult create(CreateRoleStatement statement) {
        authorization.requireSuperuser("create role");
        String name = statement.name();
        checkNotReserved(name);
        if (security.role(name).isPresent()) {
            throw new StatementException(DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
        }
        RoleOptions options = statement.options();
        // the role first: a crash before its password is written leaves a role that cannot log in yet
        security.privileges().putRole(new RoleDefinition(name, statement.login(), options.superuser().orElse(false)));
        options.password().ifPresent(password -> security.users().put(security.credentials(name, password)));
        return new StatementResult.RowCount("CREATE ROLE", 0);
    }

    public StatementResult alter(AlterRoleStatement statement) {
        String name = statement.name();
        RoleDefinition role = existing(name);
        RoleOptions options = statement.options();
        boolean onlyOwnPassword = name.equals(authorization.user()) && options.login().isEmpty()
                && options.superuser().isEmpty();
        if (!onlyOwnPassword) {
            authorization.requireSuperuser("alter role");
        }
        if (options.login().isPresent() || options.superuser().isPresent()) {
            if (security.isBuiltIn(name)) {
                throw new StatementException(RESERVED_NAME, "the attributes of role \"" + name + "\" cannot be changed");
            }
            security.privileges().putRole(new RoleDefinition(name, options.login().orElse(role.login()),
                    options.superuser().orElse(role.superuser())));
        }
        options.password().ifPresent(password -> security.users().put(security.credentials(name, password)));
        return new StatementResult.RowCount("ALTER ROLE", 0);
    }

    /** Drops roles that own nothing in {@code catalog}; what was granted to them goes with them. */
    public StatementResult drop(DropRoleStatement statement, Manifest catalog) {
        authorization.requireSuperuser("drop role");
        for (String name : statement.names()) {
            if (security.role(name).isEmpty()) {
                if (statement.ifExists()) {
                    continue;
                }
                throw undefined(name);
            }
            if (name.equals(authorization.user())) {
                throw new StatementException(OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (security.isBuiltIn(name)) {
                throw new StatementException(RESERVED_NAME, "cannot drop role " + name + " because it is required by "
                        + "the database system");
            }
            long owned = security.privileges().ownedBy(name).stream().filter(object -> object.existsIn(catalog)).count();
            if (owned > 0) {
                throw new StatementException(DEPENDENT_OBJECTS, "role \"" + name + "\" cannot be dropped because some "
                        + "objects depend on it (it owns " + owned + " tables, views or schemas)");
            }
        }
        for (String name : statement.names()) {
            // credentials first: once they are gone the role cannot log in, whatever happens next
            security.users().remove(name);
            security.privileges().removeRole(name);
        }
        return new StatementResult.RowCount("DROP ROLE", 0);
    }

    public StatementResult membership(RoleMembershipStatement statement) {
        authorization.requireSuperuser(statement.grant() ? "grant role" : "revoke role");
        for (String role : statement.roles()) {
            existing(role);
            for (String member : statement.members()) {
                existing(member);
                if (!statement.grant()) {
                    security.privileges().removeMember(role, member);
                } else {
                    if (security.enabledRoles(role).contains(member)) {
                        // PostgreSQL's wording: the granted role already is (transitively) a member of the grantee
                        throw new StatementException(INVALID_GRANT, "role \"" + role + "\" is a member of role \""
                                + member + "\"");
                    }
                    security.privileges().addMember(role, member);
                }
            }
        }
        return new StatementResult.RowCount(statement.grant() ? "GRANT ROLE" : "REVOKE ROLE", 0);
    }

    private RoleDefinition existing(String name) {
        return security.role(name).orElseThrow(() -> undefined(name));
    }

    private static StatementException undefined(String name) {
        return new StatementException(UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
    }

    /** {@code public} stands for every role, and {@code pg_} names are PostgreSQL's predefined roles. */
    private static void checkNotReserved(String name) {
        if (name.equals(Security.PUBLIC) || name.startsWith("pg_")) {
            throw new StatementException(RESERVED_NAME, "role name \"" + name + "\" is reserved");
        }
    }
}
