package io.basalt.server.security;

import io.basalt.server.auth.SecurityFiles;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;

import java.util.Objects;
import java.util.Optional;

/**
 * Something privileges are granted on and that has an owner: a table (by id, so a rename keeps its grants and a new
 * table of a dropped one's name starts with none, as in PostgreSQL), a view (by name: views have no id; CREATE VIEW
 * forgets what a dropped view of the same name had) or a schema (by name).
 *
 * @param key the id of a table, or the URL-encoded schema (and {@code :} and name) of a view or schema
 */
public record SecuredObject(Kind kind, String key) {

    public enum Kind {
        TABLE, VIEW, SCHEMA;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SecuredObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    public static SecuredObject table(long tableId) {
        return new SecuredObject(Kind.TABLE, Long.toString(tableId));
    }

    public static SecuredObject view(RelationName view) {
        return new SecuredObject(Kind.VIEW, SecurityFiles.encode(view.schema()) + ":" + SecurityFiles.encode(view.name()));
    }

    public static SecuredObject schema(String schema) {
        return new SecuredObject(Kind.SCHEMA, SecurityFiles.encode(schema));
    }

    /** The table or view {@code relation} names in {@code catalog}, if there is one. */
    public static Optional<SecuredObject> relation(Manifest catalog, RelationName relation) {
        Optional<TableEntry> table = catalog.table(relation.schema(), relation.name());
        if (table.isPresent()) {
            return Optional.of(table(table.get().tableId()));
        }
        return catalog.view(relation.schema(), relation.name()).map(view -> view(relation));
    }

    /** Whether the object still exists in {@code catalog}. */
    public boolean existsIn(Manifest catalog) {
        if (kind == Kind.TABLE) {
            return catalog.table(Long.parseLong(key)).isPresent();
        }
        if (kind == Kind.SCHEMA) {
            return catalog.hasSchema(SecurityFiles.decode(key));
        }
        int colon = key.indexOf(':');
        return catalog.view(SecurityFiles.decode(key.substring(0, colon)), SecurityFiles.decode(key.substring(colon + 1)))
                .isPresent();
    }

    /** The form kept in the privileges file: {@code table:12}, {@code view:main:v}, {@code schema:main}. */
    String text() {
        return kind.word() + ":" + key;
    }

    static SecuredObject parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a secured object: " + text);
        }
        return new SecuredObject(Kind.valueOf(text.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
                text.substring(colon + 1));
    }
}
