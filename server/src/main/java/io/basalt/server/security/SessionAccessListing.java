package io.basalt.server.security;

import io.basalt.optimizer.catalog.AccessListing;
import io.basalt.parser.ast.Privilege;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What information_schema shows a session of roles and privileges, PostgreSQL's way: a privilege row is visible when
 * its grantor or its grantee is one of the user's enabled roles (PUBLIC included), or to a superuser. An owner's
 * implicit privileges are rows granted by the owner to itself, grantable, as PostgreSQL's ACLs list them.
 */
final class SessionAccessListing implements AccessListing {

    private static final Set<Privilege> TABLE_PRIVILEGES = EnumSet.of(Privilege.SELECT, Privilege.INSERT,
            Privilege.UPDATE, Privilege.DELETE);

    private final Authorization authorization;
    private final Security security;

    SessionAccessListing(Authorization authorization) {
        this.authorization = authorization;
        this.security = authorization.security();
    }

    @Override
    public List<TablePrivilege> tablePrivileges(Manifest catalog) {
        Set<String> enabled = security.enabledRoles(authorization.user());
        boolean all = authorization.isSuperuser();
        List<TablePrivilege> rows = new ArrayList<>();
        List<RelationName> relations = new ArrayList<>();
        List<SecuredObject> objects = new ArrayList<>();
        for (TableEntry table : catalog.tables().values()) {
            relations.add(new RelationName(table.definition().schema(), table.definition().name()));
            objects.add(SecuredObject.table(table.tableId()));
        }
        for (ViewDefinition view : catalog.views()) {
            relations.add(view.relationName());
            objects.add(SecuredObject.view(view.relationName()));
        }
        for (int i = 0; i < objects.size(); i++) {
            RelationName relation = relations.get(i);
            String owner = security.owner(objects.get(i));
            boolean ownerVisible = all || enabled.contains(owner);
            if (ownerVisible) {
                TABLE_PRIVILEGES.forEach(privilege -> rows.add(new TablePrivilege(owner, owner, relation.schema(),
                        relation.name(), privilege.name(), true)));
            }
            for (Map.Entry<String, Set<Privilege>> grant : security.privileges().grantsOn(objects.get(i)).entrySet()) {
                if (ownerVisible || enabled.contains(grant.getKey())) {
                    EnumSet.copyOf(grant.getValue()).forEach(privilege -> rows.add(new TablePrivilege(owner,
                            grant.getKey(), relation.schema(), relation.name(), privilege.name(), false)));
                }
            }
        }
        return rows;
    }

    @Override
    public List<String> enabledRoles() {
        List<String> roles = new ArrayList<>(security.enabledRoles(authorization.user()));
        roles.remove(Security.PUBLIC);
        return roles;
    }

    @Override
    public List<RoleGrant> applicableRoles() {
        List<RoleGrant> grants = new ArrayList<>();
        for (String role : enabledRoles()) {
            security.privileges().rolesOf(role).stream().sorted()
                    .forEach(granted -> grants.add(new RoleGrant(role, granted)));
        }
        return grants;
    }
}
