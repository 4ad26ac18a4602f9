package io.basalt.server.security;

import io.basalt.parser.ast.Privilege;
import io.basalt.server.auth.AdminAccount;
import io.basalt.server.auth.UserCredentials;
import io.basalt.server.auth.UserStore;
import io.basalt.storage.commit.Manifest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what in one data directory: the users' SCRAM credentials ({@link UserStore}) and the roles, memberships,
 * owners and grants ({@link PrivilegeStore}), and the decisions made from them, PostgreSQL's way: a superuser passes
 * every check; otherwise a role has a privilege on an object when it, a role it is a member of (transitively) or
 * {@code PUBLIC} was granted it, or owns the object. An object without a recorded owner (made before privileges
 * existed) belongs to the bootstrap superuser {@code admin}. Shared by every session of the database.
 */
public final class Security {

    /** The grantee that stands for every role. */
    public static final String PUBLIC = "public";
    /** PostgreSQL's predefined roles that allow COPY from and to files on the server. */
    public static final String READ_SERVER_FILES = "pg_read_server_files";
    public static final String WRITE_SERVER_FILES = "pg_write_server_files";
    /** PBKDF2 iterations for new passwords unless configured (the network server's default too). */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 100_000;

    private static final Set<String> BUILT_IN_ROLES = Set.of(READ_SERVER_FILES, WRITE_SERVER_FILES);

    private final UserStore users;
    private final PrivilegeStore privileges;
    private volatile int passwordIterations = DEFAULT_PASSWORD_ITERATIONS;

    private Security(UserStore users, PrivilegeStore privileges) {
        this.users = users;
        this.privileges = privileges;
    }

    /**
     * Reads {@code DIR/security/} and forgets owners and grants of objects {@code catalog} no longer has (dropped,
     * or created by a transaction that rolled back): at open no transaction is under way.
     */
    public static Security open(Path dataDirectory, Manifest catalog) {
        PrivilegeStore privileges = PrivilegeStore.open(dataDirectory, Manifest.DEFAULT_SCHEMA);
        privileges.retainObjects(object -> object.existsIn(catalog));
        return new Security(UserStore.open(dataDirectory), privileges);
    }

    public UserStore users() {
        return users;
    }

    public PrivilegeStore privileges() {
        return privileges;
    }

    /** Changes whenever roles or privileges change: a plan checked at one version is checked again at the next. */
    public long version() {
        return privileges.version();
    }

    public int passwordIterations() {
        return passwordIterations;
    }

    /** The PBKDF2 iterations for passwords set from now on (the server's configuration). */
    public void setPasswordIterations(int iterations) {
        this.passwordIterations = iterations;
    }

    /** Derives SCRAM credentials for {@code password} with the configured iterations. */
    public UserCredentials credentials(String role, String password) {
        return UserCredentials.derive(role, password, passwordIterations);
    }

    /**
     * The role named {@code name}: the bootstrap superuser {@code admin} (it always exists, as PostgreSQL's
     * {@code postgres}; embedded sessions run as it), a recorded one, a built-in one, or a user of the users file made
     * before roles existed (it may log in).
     */
    public Optional<RoleDefinition> role(String name) {
        if (name.equals(AdminAccount.NAME)) {
            return Optional.of(new RoleDefinition(name, true, true));
        }
        Optional<RoleDefinition> recorded = privileges.role(name);
        if (recorded.isPresent()) {
            return recorded;
        }
        if (BUILT_IN_ROLES.contains(name)) {
            return Optional.of(new RoleDefinition(name, false, false));
        }
        return users.find(name).map(user -> new RoleDefinition(name, true, false));
    }

    /** The predefined roles and the bootstrap superuser: they cannot be dropped, nor their attributes changed. */
    public boolean isBuiltIn(String role) {
        return BUILT_IN_ROLES.contains(role) || role.equals(AdminAccount.NAME);
    }

    public boolean isSuperuser(String role) {
        return role(role).map(RoleDefinition::superuser).orElse(false);
    }

    /** Whether {@code role} may open a session: it exists with LOGIN (its password is checked apart). */
    public boolean canLogIn(String role) {
        return role(role).map(RoleDefinition::login).orElse(false);
    }

    /** {@code role}, every role it is a member of (transitively) and PUBLIC. */
    public Set<String> enabledRoles(String role) {
        Set<String> enabled = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.push(role);
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (enabled.add(next)) {
                privileges.rolesOf(next).forEach(pending::push);
            }
        }
        enabled.add(PUBLIC);
        return enabled;
    }

    /** Whether {@code role} is {@code member} or {@code member} belongs to it (directly or not); superusers to all. */
    public boolean hasRole(String member, String role) {
        return isSuperuser(member) || enabledRoles(member).contains(role);
    }

    /** The owner of {@code object}: the recorded one, else the bootstrap superuser. */
    public String owner(SecuredObject object) {
        return privileges.owner(object).orElse(AdminAccount.NAME);
    }

    /** Whether {@code role} has owner's rights on {@code object}: a superuser, the owner or a member of the owner. */
    public boolean owns(String role, SecuredObject object) {
        return hasRole(role, owner(object));
    }

    /** Whether {@code role} has {@code privilege} on {@code object}. */
    public boolean has(String role, SecuredObject object, Privilege privilege) {
        if (owns(role, object)) {
            return true;
        }
        Set<String> enabled = enabledRoles(role);
        return privileges.grantsOn(object).entrySet().stream()
                .anyMatch(grant -> enabled.contains(grant.getKey()) && grant.getValue().contains(privilege));
    }
}
