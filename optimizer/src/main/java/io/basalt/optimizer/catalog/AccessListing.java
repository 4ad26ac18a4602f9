package io.basalt.optimizer.catalog;

import io.basalt.storage.commit.Manifest;

import java.util.List;
import java.util.Objects;

/**
 * What {@code information_schema} shows of roles and privileges ({@code table_privileges}, {@code enabled_roles},
 * {@code applicable_roles}), as the planning session's user may see them. The server keeps roles and grants; the
 * planner only lists them.
 */
public interface AccessListing {

    /** No roles and no privileges: plans made outside a session. */
    AccessListing NONE = new AccessListing() {
        @Override
        public List<TablePrivilege> tablePrivileges(Manifest catalog) {
            return List.of();
        }

        @Override
        public List<String> enabledRoles() {
            return List.of();
        }

        @Override
        public List<RoleGrant> applicableRoles() {
            return List.of();
        }
    };

    /** One privilege on one table or view, as PostgreSQL's {@code information_schema.table_privileges} row. */
    record TablePrivilege(String grantor, String grantee, String schema, String table, String privilege,
                          boolean grantable) {
        public TablePrivilege {
            Objects.requireNonNull(grantor, "grantor");
            Objects.requireNonNull(grantee, "grantee");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(privilege, "privilege");
        }
    }

    /** Role {@code role} granted to {@code grantee}. */
    record RoleGrant(String grantee, String role) {
    }

    /** The privileges on {@code catalog}'s tables and views the user granted or received (or all, for a superuser). */
    List<TablePrivilege> tablePrivileges(Manifest catalog);

    /** The user and every role it is a member of, directly or not. */
    List<String> enabledRoles();

    /** The role memberships of the user and of the roles it is a member of. */
    List<RoleGrant> applicableRoles();
}
