package io.basalt.server.security;

import io.basalt.parser.ast.Privilege;
import io.basalt.parser.ast.PrivilegeStatement;
import io.basalt.parser.ast.PrivilegeTarget;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GRANT} and {@code REVOKE} of privileges on tables, views and schemas. As in PostgreSQL the owner of an object
 * (or a superuser) grants on it; grant options ({@code WITH GRANT OPTION}) do not exist here. {@code ALL TABLES IN
 * SCHEMA s} means every table and view in {@code s} now, not later ones. A grantee may be {@code PUBLIC}.
 */
public final class PrivilegeStatements {

    private static final Set<Privilege> TABLE_PRIVILEGES = EnumSet.of(Privilege.SELECT, Privilege.INSERT,
            Privilege.UPDATE, Privilege.DELETE);
    private static final Set<Privilege> SCHEMA_PRIVILEGES = EnumSet.of(Privilege.CREATE, Privilege.USAGE);

    private final Authorization authorization;
    private final Security security;

    public PrivilegeStatements(Authorization authorization) {
        this.authorization = authorization;
        this.security = authorization.security();
    }

    public StatementResult run(PrivilegeStatement statement, Manifest catalog, String currentSchema) {
        PrivilegeTarget target = statement.target();
        Set<Privilege> privileges = privileges(statement, target.onSchemas() ? SCHEMA_PRIVILEGES : TABLE_PRIVILEGES,
                target.onSchemas() ? "schema" : "table");
        for (String grantee : statement.grantees()) {
            if (!grantee.equals(Security.PUBLIC) && security.role(grantee).isEmpty()) {
                throw new StatementException("42704", "role \"" + grantee + "\" does not exist");
            }
        }
        Map<SecuredObject, String> objects = objects(target, catalog, currentSchema);
        objects.forEach(this::requireGrantor);
        for (SecuredObject object : objects.keySet()) {
            for (String grantee : statement.grantees()) {
                if (statement.grant()) {
                    security.privileges().grant(object, grantee, privileges);
                } else {
                    security.privileges().revoke(object, grantee, privileges);
                }
            }
        }
        return new StatementResult.RowCount(statement.grant() ? "GRANT" : "REVOKE", 0);
    }

    /** The privileges named (ALL: every one of the target's kind); one of another kind is PostgreSQL's 0LP01. */
    private static Set<Privilege> privileges(PrivilegeStatement statement, Set<Privilege> valid, String kind) {
        if (statement.allPrivileges()) {
            return valid;
        }
        for (Privilege privilege : statement.privileges()) {
            if (!valid.contains(privilege)) {
                throw new StatementException("0LP01", "invalid privilege type " + privilege + " for " + kind);
            }
        }
        return EnumSet.copyOf(statement.privileges());
    }

    /** Each object with the words that name it in errors ({@code table t}, {@code schema s}). */
    private static Map<SecuredObject, String> objects(PrivilegeTarget target, Manifest catalog, String currentSchema) {
        Map<SecuredObject, String> objects = new LinkedHashMap<>();
        if (target.kind() == PrivilegeTarget.Kind.TABLES) {
            for (QualifiedName name : target.tables()) {
                RelationName relation = StatementPrivileges.relation(name, currentSchema);
                SecuredObject object = SecuredObject.relation(catalog, relation).orElseThrow(() ->
                        new StatementException("42P01", "relation \"" + name + "\" does not exist"));
                objects.put(object, (object.kind() == SecuredObject.Kind.VIEW ? "view " : "table ") + relation.name());
            }
            return objects;
        }
        for (String schema : target.schemas()) {
            if (!catalog.hasSchema(schema)) {
                throw new StatementException("3F000", "schema \"" + schema + "\" does not exist");
            }
            if (target.kind() == PrivilegeTarget.Kind.SCHEMAS) {
                objects.put(SecuredObject.schema(schema), "schema " + schema);
                continue;
            }
            for (TableEntry table : catalog.tablesIn(schema)) {
                objects.put(SecuredObject.table(table.tableId()), "table " + table.definition().name());
            }
            for (ViewDefinition view : catalog.viewsIn(schema)) {
                objects.put(SecuredObject.view(view.relationName()), "view " + view.name());
            }
        }
        return objects;
    }

    private void requireGrantor(SecuredObject object, String described) {
        if (!authorization.isSuperuser() && !security.owns(authorization.user(), object)) {
            throw new StatementException(Authorization.DENIED, "permission denied for " + described);
        }
    }
}
