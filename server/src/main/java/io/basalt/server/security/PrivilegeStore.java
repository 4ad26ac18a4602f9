package io.basalt.server.security;

import io.basalt.parser.ast.Privilege;
import io.basalt.server.auth.SecurityFiles;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Roles, role memberships, owners and granted privileges, in {@code DIR/security/privileges}: one record a line, the
 * whole file replaced atomically on every change (see {@link SecurityFiles}), so a statement's change is on disk,
 * entirely, before it returns. Beside the users file rather than in the manifest: it must be readable before a
 * session starts, and changes to it are not transactional (see docs/ARCHITECTURE.md).
 *
 * <p>A new file starts with PostgreSQL's default for the public schema: {@code USAGE} on {@code main} for
 * {@code PUBLIC}. Thread-safe; {@link #version()} changes with every change, so cached plans can be re-checked.
 */
public final class PrivilegeStore {

    private static final String WHAT = "privilege list";
    private static final String HEADER = "# Basalt roles and privileges: role NAME login|nologin superuser|nosuperuser; "
            + "member ROLE MEMBER; owner OBJECT ROLE; grant OBJECT GRANTEE PRIVILEGES. Edit through SQL, not by hand.";

    private final Path file;
    private final Map<String, RoleDefinition> roles = new TreeMap<>();
    private final Map<String, Set<String>> memberships = new TreeMap<>();
    private final Map<SecuredObject, String> owners = new LinkedHashMap<>();
    private final Map<SecuredObject, Map<String, EnumSet<Privilege>>> grants = new LinkedHashMap<>();
    private long version;

    private PrivilegeStore(Path file) {
        this.file = file;
    }

    /** Reads the privileges of data directory {@code dataDirectory}; a new file starts with USAGE on main for PUBLIC. */
    public static PrivilegeStore open(Path dataDirectory, String defaultSchema) {
        PrivilegeStore store = new PrivilegeStore(SecurityFiles.file(dataDirectory, "privileges"));
        if (!java.nio.file.Files.exists(store.file)) {
            store.grant(SecuredObject.schema(defaultSchema), Security.PUBLIC, EnumSet.of(Privilege.USAGE));
        } else {
            store.load();
        }
        return store;
    }

    private void load() {
        for (String[] fields : SecurityFiles.read(file, WHAT)) {
            if (fields[0].equals("role") && fields.length == 4) {
                String name = SecurityFiles.decode(fields[1]);
                roles.put(name, new RoleDefinition(name, fields[2].equals("login"), fields[3].equals("superuser")));
            } else if (fields[0].equals("member") && fields.length == 3) {
                memberships.computeIfAbsent(SecurityFiles.decode(fields[2]), m -> new TreeSet<>())
                        .add(SecurityFiles.decode(fields[1]));
            } else if (fields[0].equals("owner") && fields.length == 3) {
                owners.put(SecuredObject.parse(fields[1]), SecurityFiles.decode(fields[2]));
            } else if (fields[0].equals("grant") && fields.length == 4) {
                EnumSet<Privilege> privileges = EnumSet.noneOf(Privilege.class);
                Arrays.stream(fields[3].split(",")).map(Privilege::valueOf).forEach(privileges::add);
                grants.computeIfAbsent(SecuredObject.parse(fields[1]), o -> new TreeMap<>())
                        .put(SecurityFiles.decode(fields[2]), privileges);
            } else {
                throw new IllegalStateException("malformed line in " + file + ": " + String.join(" ", fields));
            }
        }
    }

    public synchronized long version() {
        return version;
    }

    public synchronized Optional<RoleDefinition> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    /** The roles granted to {@code member} directly. */
    public synchronized Set<String> rolesOf(String member) {
        return Set.copyOf(memberships.getOrDefault(member, Set.of()));
    }

    public synchronized Optional<String> owner(SecuredObject object) {
        return Optional.ofNullable(owners.get(object));
    }

    /** The objects {@code role} owns. */
    public synchronized Set<SecuredObject> ownedBy(String role) {
        return owners.entrySet().stream().filter(entry -> entry.getValue().equals(role)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Grantee to privileges on {@code object}. */
    public synchronized Map<String, Set<Privilege>> grantsOn(SecuredObject object) {
        Map<String, Set<Privilege>> copy = new TreeMap<>();
        grants.getOrDefault(object, Map.of()).forEach((grantee, privileges) -> copy.put(grantee, Set.copyOf(privileges)));
        return copy;
    }

    /** Every grant: object to grantee to privileges. */
    public synchronized Map<SecuredObject, Map<String, Set<Privilege>>> allGrants() {
        Map<SecuredObject, Map<String, Set<Privilege>>> copy = new LinkedHashMap<>();
        grants.keySet().forEach(object -> copy.put(object, grantsOn(object)));
        return copy;
    }

    public synchronized void putRole(RoleDefinition role) {
        roles.put(role.name(), role);
        save();
    }

    /**
     * Removes a role with its memberships (both ways), the privileges granted to it and its ownership of objects that
     * no longer exist (the caller checked it owns no others).
     */
    public synchronized void removeRole(String name) {
        roles.remove(name);
        owners.values().removeIf(name::equals);
        memberships.remove(name);
        memberships.values().forEach(granted -> granted.remove(name));
        memberships.values().removeIf(Set::isEmpty);
        grants.values().forEach(byGrantee -> byGrantee.remove(name));
        grants.values().removeIf(Map::isEmpty);
        save();
    }

    public synchronized void addMember(String role, String member) {
        memberships.computeIfAbsent(member, m -> new TreeSet<>()).add(role);
        save();
    }

    public synchronized void removeMember(String role, String member) {
        Set<String> granted = memberships.get(member);
        if (granted != null && granted.remove(role) && granted.isEmpty()) {
            memberships.remove(member);
        }
        save();
    }

    /** Records a new object's owner; it starts without grants (a dropped object of the same key had its own). */
    public synchronized void created(SecuredObject object, String owner) {
        owners.put(object, owner);
        grants.remove(object);
        save();
    }

    public synchronized void grant(SecuredObject object, String grantee, Set<Privilege> privileges) {
        grants.computeIfAbsent(object, o -> new TreeMap<>())
                .computeIfAbsent(grantee, g -> EnumSet.noneOf(Privilege.class)).addAll(privileges);
        save();
    }

    public synchronized void revoke(SecuredObject object, String grantee, Set<Privilege> privileges) {
        Map<String, EnumSet<Privilege>> byGrantee = grants.get(object);
        if (byGrantee != null && byGrantee.containsKey(grantee)) {
            byGrantee.get(grantee).removeAll(privileges);
            byGrantee.values().removeIf(Set::isEmpty);
            if (byGrantee.isEmpty()) {
                grants.remove(object);
            }
        }
        save();
    }

    /** Forgets owners and grants of objects that no longer exist ({@code exists} false), e.g. dropped tables. */
    public synchronized void retainObjects(Predicate<SecuredObject> exists) {
        boolean changed = owners.keySet().removeIf(exists.negate()) | grants.keySet().removeIf(exists.negate());
        if (changed) {
            save();
        }
    }

    private void save() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        roles.values().forEach(role -> text.append("role ").append(SecurityFiles.encode(role.name()))
                .append(role.login() ? " login" : " nologin").append(role.superuser() ? " superuser" : " nosuperuser")
                .append('\n'));
        memberships.forEach((member, granted) -> granted.forEach(role -> text.append("member ")
                .append(SecurityFiles.encode(role)).append(' ').append(SecurityFiles.encode(member)).append('\n')));
        owners.forEach((object, owner) -> text.append("owner ").append(object.text()).append(' ')
                .append(SecurityFiles.encode(owner)).append('\n'));
        grants.forEach((object, byGrantee) -> byGrantee.forEach((grantee, privileges) -> text.append("grant ")
                .append(object.text()).append(' ').append(SecurityFiles.encode(grantee)).append(' ')
                .append(privileges.stream().map(Enum::name).collect(Collectors.joining(","))).append('\n')));
        SecurityFiles.publish(file, text.toString(), WHAT);
        version++;
    }
}
