package io.basalt.server.security;

import io.basalt.optimizer.RelationReads;
import io.basalt.optimizer.catalog.AccessListing;
import io.basalt.optimizer.dml.ChangeAction;
import io.basalt.optimizer.dml.PlannedDml;
import io.basalt.parser.ast.Privilege;
import io.basalt.server.StatementException;
import io.basalt.server.auth.AdminAccount;
import io.basalt.server.query.PlanAuthorization;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.commit.Manifest;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One session's privilege checks: its user against {@link Security}'s roles and grants, with PostgreSQL's rules and
 * messages (SQLSTATE 42501): a query needs SELECT on each table and view it names, and USAGE on their schemas; what
 * a view reads is checked against the view's owner; DML needs its own privilege on the target (MERGE: those of its
 * clauses) and SELECT on the target when it reads its rows (a WHERE condition, MERGE's ON); DROP, ALTER and TRUNCATE
 * need ownership. {@code information_schema} is readable by everyone. An embedded session runs as a superuser.
 */
public final class Authorization implements PlanAuthorization {

    private static final String INFORMATION_SCHEMA = "information_schema";
    static final String DENIED = "42501";

    private final Security security;
    private final String user;
    private final boolean alwaysSuperuser;

    private Authorization(Security security, String user, boolean alwaysSuperuser) {
        this.security = security;
        this.user = user;
        this.alwaysSuperuser = alwaysSuperuser;
    }

    /** The checks of a session logged in as {@code user}. */
    public static Authorization of(Security security, String user) {
        return new Authorization(security, user, false);
    }

    /** An embedded session: in-process callers own the data directory anyway, so it runs as the superuser. */
    public static Authorization embedded(Security security) {
        return new Authorization(security, AdminAccount.NAME, true);
    }

    public String user() {
        return user;
    }

    public Security security() {
        return security;
    }

    public boolean isSuperuser() {
        return alwaysSuperuser || security.isSuperuser(user);
    }

    @Override
    public long version() {
        return security.version();
    }

    @Override
    public void checkQuery(Manifest catalog, RelationReads reads) {
        reads.direct().forEach(relation -> requireOn(user, catalog, relation, Privilege.SELECT));
        checkViewReads(catalog, reads);
    }

    @Override
    public void checkDml(Manifest catalog, PlannedDml dml) {
        RelationName target = new RelationName(dml.table().schema(), dml.table().name());
        for (Privilege privilege : dmlPrivileges(dml)) {
            requireOn(user, catalog, target, privilege);
        }
        if (dml.readsTargetRows()) {
            requireOn(user, catalog, target, Privilege.SELECT);
        }
        RelationReads reads = dml.query().reads();
        reads.direct().stream().filter(relation -> !relation.equals(target))
                .forEach(relation -> requireOn(user, catalog, relation, Privilege.SELECT));
        checkViewReads(catalog, reads);
    }

    @Override
    public void checkInsert(Manifest catalog, RelationName target) {
        requireOn(user, catalog, target, Privilege.INSERT);
    }

    @Override
    public AccessListing access() {
        return new SessionAccessListing(this);
    }

    /** SELECT, INSERT, UPDATE or DELETE on a table or view for the session's user (and USAGE on its schema). */
    public void requireOn(Manifest catalog, RelationName relation, Privilege privilege) {
        requireOn(user, catalog, relation, privilege);
    }

    /** Owner's rights on a table or view, for DROP, ALTER and TRUNCATE: {@code must be owner of table t}. */
    public void requireOwner(Manifest catalog, RelationName relation) {
        Optional<SecuredObject> object = SecuredObject.relation(catalog, relation);
        if (object.isPresent() && !isSuperuser() && !security.owns(user, object.get())) {
            throw new StatementException(DENIED, "must be owner of " + kind(catalog, relation) + " " + relation.name());
        }
    }

    /** Owner's rights on a schema (DROP SCHEMA). */
    public void requireSchemaOwner(String schema) {
        if (!isSuperuser() && !security.owns(user, SecuredObject.schema(schema))) {
            throw new StatementException(DENIED, "must be owner of schema " + schema);
        }
    }

    /** CREATE on a schema, for CREATE TABLE and CREATE VIEW. */
    public void requireCreate(String schema) {
        if (!isSuperuser() && !security.has(user, SecuredObject.schema(schema), Privilege.CREATE)) {
            throw new StatementException(DENIED, "permission denied for schema " + schema);
        }
    }

    /** Superuser only: {@code permission denied to …} (PostgreSQL's wording for role attributes). */
    public void requireSuperuser(String deniedWhat) {
        if (!isSuperuser()) {
            throw new StatementException(DENIED, "permission denied to " + deniedWhat);
        }
    }

    /** Membership in a predefined role (COPY with server files), or superuser. */
    public void requireRole(String role, String message) {
        if (!isSuperuser() && !security.enabledRoles(user).contains(role)) {
            throw new StatementException(DENIED, message);
        }
    }

    /** Records the session's user as the owner of a new object. */
    public void created(SecuredObject object) {
        security.privileges().created(object, user);
    }

    private void checkViewReads(Manifest catalog, RelationReads reads) {
        for (Map.Entry<RelationName, Set<RelationName>> view : reads.viewReads().entrySet()) {
            if (view.getKey().schema().equals(INFORMATION_SCHEMA)) {
                continue;
            }
            String owner = security.owner(SecuredObject.view(view.getKey()));
            view.getValue().forEach(relation -> requireOn(owner, catalog, relation, Privilege.SELECT));
        }
    }

    private void requireOn(String role, Manifest catalog, RelationName relation, Privilege privilege) {
        if (relation.schema().equals(INFORMATION_SCHEMA) || (role.equals(user) && isSuperuser())) {
            return;
        }
        if (!security.has(role, SecuredObject.schema(relation.schema()), Privilege.USAGE)) {
            throw new StatementException(DENIED, "permission denied for schema " + relation.schema());
        }
        Optional<SecuredObject> object = SecuredObject.relation(catalog, relation);
        if (object.isPresent() && !security.has(role, object.get(), privilege)) {
            throw new StatementException(DENIED, "permission denied for " + kind(catalog, relation) + " " + relation.name());
        }
    }

    private static String kind(Manifest catalog, RelationName relation) {
        return catalog.view(relation.schema(), relation.name()).isPresent() ? "view" : "table";
    }

    /** The privileges a DML statement needs on its target: its kind's, or for MERGE those of its clauses. */
    private static Set<Privilege> dmlPrivileges(PlannedDml dml) {
        EnumSet<Privilege> needed = EnumSet.noneOf(Privilege.class);
        for (ChangeAction action : dml.actions()) {
            if (action.kind() == ChangeAction.Kind.DELETE) {
                needed.add(Privilege.DELETE);
            } else if (action.kind() == ChangeAction.Kind.UPDATE) {
                needed.add(Privilege.UPDATE);
            } else if (action.kind() == ChangeAction.Kind.INSERT) {
                needed.add(Privilege.INSERT);
            }
        }
        return needed;
    }
}
