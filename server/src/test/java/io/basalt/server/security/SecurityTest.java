package io.basalt.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.parser.ast.Privilege;
import io.basalt.server.auth.UserCredentials;
import io.basalt.storage.commit.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.type.LogicalType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privilege model: who has what through ownership, grants, PUBLIC and role memberships; and its file. */
class SecurityTest {

    @TempDir
    Path directory;

    private static final SecuredObject TABLE = SecuredObject.table(7);
    private static final SecuredObject MAIN = SecuredObject.schema("main");

    private Security open() {
        return Security.open(directory, Manifest.initial());
    }

    private static Security withAliceAndReaders(Security security) {
        security.privileges().putRole(new RoleDefinition("alice", true, false));
        security.privileges().putRole(new RoleDefinition("readers", false, false));
        return security;
    }

    @Test
    void anObjectWithoutARecordedOwnerBelongsToAdminAndAUserHasNothingOnIt() {
        Security security = withAliceAndReaders(open());
        assertThat(security.owner(TABLE)).isEqualTo("admin");
        assertThat(security.has("alice", TABLE, Privilege.SELECT)).isFalse();
        assertThat(security.owns("admin", TABLE)).isTrue();
        assertThat(security.isSuperuser("admin")).as("the bootstrap superuser").isTrue();
        security.users().put(UserCredentials.derive("bob", "pw", 4096));
        assertThat(security.role("bob")).as("a user of the users file without a recorded role")
                .contains(new RoleDefinition("bob", true, false));
    }

    @Test
    void grantsReachMembersTransitivelyAndPublicReachesEveryone() {
        Security security = withAliceAndReaders(open());
        security.privileges().putRole(new RoleDefinition("staff", false, false));
        security.privileges().grant(TABLE, "readers", EnumSet.of(Privilege.SELECT));
        security.privileges().addMember("readers", "staff");
        security.privileges().addMember("staff", "alice");
        assertThat(security.enabledRoles("alice")).containsExactlyInAnyOrder("alice", "staff", "readers", "public");
        assertThat(security.has("alice", TABLE, Privilege.SELECT)).isTrue();
        assertThat(security.has("alice", TABLE, Privilege.INSERT)).isFalse();
        security.privileges().grant(TABLE, Security.PUBLIC, EnumSet.of(Privilege.INSERT));
        assertThat(security.has("nobody", TABLE, Privilege.INSERT)).isTrue();
        security.privileges().removeMember("staff", "alice");
        assertThat(security.has("alice", TABLE, Privilege.SELECT)).isFalse();
    }

    @Test
    void theOwnerAndMembersOfTheOwnerHaveEveryPrivilege() {
        Security security = withAliceAndReaders(open());
        security.privileges().created(TABLE, "readers");
        security.privileges().addMember("readers", "alice");
        assertThat(security.owns("alice", TABLE)).isTrue();
        assertThat(security.has("alice", TABLE, Privilege.DELETE)).isTrue();
        assertThat(security.owns("bob", TABLE)).isFalse();
    }

    @Test
    void revokingRemovesOnlyWhatItNames() {
        Security security = withAliceAndReaders(open());
        security.privileges().grant(TABLE, "alice", EnumSet.of(Privilege.SELECT, Privilege.UPDATE));
        security.privileges().revoke(TABLE, "alice", Set.of(Privilege.SELECT));
        assertThat(security.privileges().grantsOn(TABLE)).containsEntry("alice", Set.of(Privilege.UPDATE));
        security.privileges().revoke(TABLE, "alice", Set.of(Privilege.UPDATE));
        assertThat(security.privileges().allGrants()).doesNotContainKey(TABLE);
    }

    @Test
    void aNewDirectoryGivesPublicUsageOnMainOnly() {
        Security security = open();
        assertThat(security.has("anyone", MAIN, Privilege.USAGE)).isTrue();
        assertThat(security.has("anyone", MAIN, Privilege.CREATE)).isFalse();
        assertThat(security.has("anyone", SecuredObject.schema("other"), Privilege.USAGE)).isFalse();
    }

    @Test
    void everythingSurvivesReopeningAndNamesMayHoldAnyCharacter() throws Exception {
        Manifest catalog = catalogWithOneTable();
        SecuredObject table = SecuredObject.table(catalog.tablesIn("main").get(0).tableId());
        Security security = open();
        security.privileges().putRole(new RoleDefinition("a b:c", true, true));
        security.privileges().putRole(new RoleDefinition("readers", false, false));
        security.privileges().addMember("readers", "a b:c");
        security.privileges().grant(table, "readers", EnumSet.of(Privilege.SELECT, Privilege.DELETE));
        security.privileges().created(SecuredObject.schema("main"), "a b:c");

        Security reopened = Security.open(directory, catalog);
        assertThat(reopened.role("a b:c")).contains(new RoleDefinition("a b:c", true, true));
        assertThat(reopened.privileges().rolesOf("a b:c")).containsExactly("readers");
        assertThat(reopened.privileges().grantsOn(table)).containsEntry("readers", Set.of(Privilege.SELECT, Privilege.DELETE));
        assertThat(reopened.owner(MAIN)).isEqualTo("a b:c");
        assertThat(Files.readString(directory.resolve("security/privileges"), StandardCharsets.UTF_8))
                .contains("role a+b%3Ac login superuser");
    }

    @Test
    void grantsOnObjectsTheCatalogNoLongerHasAreForgottenAtOpen() {
        Security security = open();
        security.privileges().grant(TABLE, "alice", EnumSet.of(Privilege.SELECT));
        security.privileges().created(SecuredObject.view(new io.basalt.storage.catalog.RelationName("main", "gone")), "alice");
        Security reopened = Security.open(directory, Manifest.initial());
        assertThat(reopened.privileges().allGrants()).containsOnlyKeys(MAIN);
        assertThat(reopened.privileges().ownedBy("alice")).isEmpty();
    }

    @Test
    void builtInRolesExistWithoutLogin() {
        Security security = open();
        assertThat(security.role(Security.READ_SERVER_FILES)).contains(new RoleDefinition(Security.READ_SERVER_FILES, false, false));
        assertThat(security.canLogIn(Security.READ_SERVER_FILES)).isFalse();
        assertThat(security.role("nobody")).isEmpty();
    }

    /** A catalog with one table, in a storage directory of its own beside the security files. */
    private Manifest catalogWithOneTable() {
        try (StorageEngine engine = StorageEngine.open(directory.resolve("data"))) {
            try (Transaction transaction = engine.begin()) {
                transaction.createTable(new TableDefinition("main", "t",
                        List.of(ColumnDefinition.of("a", LogicalType.INTEGER)), List.of(), TableOptions.DEFAULT));
                transaction.commit();
            }
            return engine.current();
        }
    }
}
