package io.basalt.server.security;

import io.basalt.parser.ast.AlterTableStatement;
import io.basalt.parser.ast.CopyFromStatement;
import io.basalt.parser.ast.CopyToStatement;
import io.basalt.parser.ast.CreateSchemaStatement;
import io.basalt.parser.ast.CreateTableAsStatement;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.ast.CreateViewStatement;
import io.basalt.parser.ast.CreateIndexStatement;
import io.basalt.parser.ast.DropIndexStatement;
import io.basalt.parser.ast.DropSchemaStatement;
import io.basalt.parser.ast.DropTableStatement;
import io.basalt.parser.ast.DropViewStatement;
import io.basalt.parser.ast.Privilege;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.ast.TruncateStatement;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.commit.Manifest;

import java.util.List;

/**
 * The privileges of statements that are not planned (DDL and COPY), checked before they run, and the owners of what
 * they create, recorded after. What planned statements and the queries inside DDL read is checked as they are planned
 * ({@link Authorization} as the session's {@code PlanAuthorization}). A name that does not exist is left to the
 * statement, which reports it as it always did.
 */
public final class StatementPrivileges {

    private final Authorization authorization;

    public StatementPrivileges(Authorization authorization) {
        this.authorization = authorization;
    }

    /** Fails with 42501 when the session's user may not run {@code statement} on {@code catalog}. */
    public void check(Statement statement, Manifest catalog, String currentSchema) {
        if (statement instanceof CreateTableStatement create) {
            authorization.requireCreate(relation(create.name(), currentSchema).schema());
        } else if (statement instanceof CreateTableAsStatement create) {
            authorization.requireCreate(relation(create.name(), currentSchema).schema());
        } else if (statement instanceof CreateViewStatement create) {
            RelationName view = relation(create.name(), currentSchema);
            authorization.requireCreate(view.schema());
            if (create.orReplace()) {
                authorization.requireOwner(catalog, view);
            }
        } else if (statement instanceof DropTableStatement drop) {
            requireOwners(catalog, drop.names(), currentSchema);
        } else if (statement instanceof DropViewStatement drop) {
            requireOwners(catalog, drop.names(), currentSchema);
        } else if (statement instanceof TruncateStatement truncate) {
            requireOwners(catalog, truncate.names(), currentSchema);
        } else if (statement instanceof CreateIndexStatement create) {
            authorization.requireOwner(catalog, relation(create.table(), currentSchema));
        } else if (statement instanceof DropIndexStatement drop) {
            // As PostgreSQL: the owner of an index is its table's owner.
            for (QualifiedName name : drop.names()) {
                String schema = name.schema().orElse(currentSchema);
                catalog.index(schema, name.name()).ifPresent(found -> authorization.requireOwner(catalog,
                        new RelationName(schema, found.table().definition().name())));
            }
        } else if (statement instanceof AlterTableStatement alter) {
            authorization.requireOwner(catalog, relation(alter.table(), currentSchema));
        } else if (statement instanceof CreateSchemaStatement) {
            // PostgreSQL asks for CREATE on the database, which no role but a superuser has here
            authorization.requireSuperuser("create schemas");
        } else if (statement instanceof DropSchemaStatement drop) {
            if (catalog.hasSchema(drop.name())) {
                authorization.requireSchemaOwner(drop.name());
            }
        } else if (statement instanceof CopyFromStatement copy) {
            authorization.requireRole(Security.READ_SERVER_FILES, "permission denied to COPY from a file: only superusers "
                    + "and members of " + Security.READ_SERVER_FILES + " may");
            authorization.requireOn(catalog, relation(copy.table(), currentSchema), Privilege.INSERT);
        } else if (statement instanceof CopyToStatement) {
            // SELECT on what it reads is checked when its query is planned
            authorization.requireRole(Security.WRITE_SERVER_FILES, "permission denied to COPY to a file: only superusers "
                    + "and members of " + Security.WRITE_SERVER_FILES + " may");
        }
    }

    /** Records the session's user as the owner of a table, view or schema {@code statement} created. */
    public void recordCreated(Statement statement, Manifest before, Manifest after, String currentSchema) {
        QualifiedName created = null;
        if (statement instanceof CreateTableStatement create) {
            created = create.name();
        } else if (statement instanceof CreateTableAsStatement create) {
            created = create.name();
        } else if (statement instanceof CreateViewStatement create) {
            RelationName view = relation(create.name(), currentSchema);
            if (before.view(view.schema(), view.name()).isEmpty() && after.view(view.schema(), view.name()).isPresent()) {
                authorization.created(SecuredObject.view(view));
            }
        } else if (statement instanceof CreateSchemaStatement create) {
            if (!before.hasSchema(create.name()) && after.hasSchema(create.name())) {
                authorization.created(SecuredObject.schema(create.name()));
            }
        }
        if (created != null) {
            RelationName table = relation(created, currentSchema);
            if (before.table(table.schema(), table.name()).isEmpty()) {
                after.table(table.schema(), table.name())
                        .ifPresent(entry -> authorization.created(SecuredObject.table(entry.tableId())));
            }
        }
    }

    private void requireOwners(Manifest catalog, List<QualifiedName> names, String currentSchema) {
        names.forEach(name -> authorization.requireOwner(catalog, relation(name, currentSchema)));
    }

    static RelationName relation(QualifiedName name, String currentSchema) {
        return new RelationName(name.schema().orElse(currentSchema), name.name());
    }
}
