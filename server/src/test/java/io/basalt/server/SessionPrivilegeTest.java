package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.server.security.SecuredObject;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Privileges checked on every kind of statement, for sessions of users who logged in (PostgreSQL's rules). */
class SessionPrivilegeTest {

    @TempDir
    Path directory;

    private Database database;
    private Session admin;

    @BeforeEach
    void open() {
        database = Database.open(directory);
        database.security().setPasswordIterations(4096);
        admin = database.newSession();
        admin.execute("CREATE USER alice PASSWORD 'a'");
        admin.execute("CREATE USER bob PASSWORD 'b'");
        admin.execute("CREATE TABLE t (a INT, b TEXT)");
        admin.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
        admin.execute("CREATE TABLE other (a INT)");
        admin.execute("INSERT INTO other VALUES (1)");
    }

    @AfterEach
    void close() {
        admin.close();
        database.close();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> denied(Session session, String sql, String message) {
        return assertThatThrownBy(() -> session.execute(sql)).as(sql).isInstanceOf(StatementException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("42501"));
    }

    private static List<List<String>> rows(Session session, String sql) {
        return ResultRows.text(session.execute(sql));
    }

    @Test
    void withoutGrantsAUserReadsAndWritesNothing() {
        try (Session alice = database.newSession("alice")) {
            denied(alice, "SELECT * FROM t", "permission denied for table t");
            denied(alice, "SELECT count(*) FROM other WHERE a IN (SELECT a FROM t)", "permission denied for table other");
            denied(alice, "INSERT INTO t VALUES (3, 'z')", "permission denied for table t");
            denied(alice, "UPDATE t SET a = 0", "permission denied for table t");
            denied(alice, "DELETE FROM t", "permission denied for table t");
            denied(alice, "EXPLAIN SELECT * FROM t", "permission denied for table t");
            denied(alice, "CREATE TABLE mine (a INT)", "permission denied for schema main");
            denied(alice, "DROP TABLE t", "must be owner of table t");
            denied(alice, "TRUNCATE t", "must be owner of table t");
            denied(alice, "ALTER TABLE t ADD COLUMN c INT", "must be owner of table t");
            denied(alice, "CREATE SCHEMA s", "permission denied to create schemas");
            // information_schema and the catalog listings stay readable, as in PostgreSQL
            assertThat(rows(alice, "SELECT table_name FROM information_schema.tables ORDER BY 1"))
                    .containsExactly(List.of("other"), List.of("t"));
        }
        assertThat(rows(admin, "SELECT count(*) FROM t")).as("nothing changed").containsExactly(List.of("2"));
    }

    @Test
    void grantsAllowExactlyWhatTheyName() {
        admin.execute("GRANT SELECT ON t TO alice");
        try (Session alice = database.newSession("alice")) {
            assertThat(rows(alice, "SELECT a FROM t ORDER BY a")).containsExactly(List.of("1"), List.of("2"));
            denied(alice, "INSERT INTO t VALUES (3, 'z')", "permission denied for table t");
            denied(alice, "INSERT INTO other SELECT a FROM t", "permission denied for table other");
            admin.execute("GRANT INSERT, UPDATE ON other TO alice");
            assertThat(alice.execute("INSERT INTO other SELECT a FROM t")).isEqualTo(new io.basalt.server.result.StatementResult.RowCount("INSERT", 2));
            // UPDATE without a WHERE condition reads no rows of its target; with one it needs SELECT (PostgreSQL)
            assertThat(alice.execute("UPDATE other SET a = 5")).isEqualTo(new io.basalt.server.result.StatementResult.RowCount("UPDATE", 3));
            denied(alice, "UPDATE other SET a = 6 WHERE a = 5", "permission denied for table other");
            denied(alice, "DELETE FROM other", "permission denied for table other");
        }
        try (Session bob = database.newSession("bob")) {
            denied(bob, "SELECT * FROM t", "permission denied for table t");
        }
    }

    @Test
    void aRevocationTakesEffectForTheNextExecutionOfAPreparedStatement() {
        admin.execute("GRANT SELECT ON t TO alice");
        try (Session alice = database.newSession("alice"); PreparedStatement count = alice.prepare("SELECT count(*) FROM t")) {
            assertThat(ResultRows.text(count.execute(List.of()))).containsExactly(List.of("2"));
            admin.execute("REVOKE SELECT ON t FROM alice");
            assertThatThrownBy(() -> count.execute(List.of())).hasMessage("permission denied for table t");
            admin.execute("GRANT ALL PRIVILEGES ON t TO PUBLIC");
            assertThat(ResultRows.text(count.execute(List.of()))).containsExactly(List.of("2"));
        }
    }

    @Test
    void rolesPassTheirPrivilegesToTheirMembersTransitively() {
        admin.execute("CREATE ROLE readers");
        admin.execute("CREATE ROLE analysts");
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA main TO readers");
        admin.execute("GRANT readers TO analysts");
        admin.execute("GRANT analysts TO bob");
        try (Session bob = database.newSession("bob")) {
            assertThat(rows(bob, "SELECT count(*) FROM t JOIN other USING (a)")).containsExactly(List.of("1"));
            admin.execute("REVOKE analysts FROM bob");
            denied(bob, "SELECT * FROM other", "permission denied for table other");
        }
        assertThatThrownBy(() -> admin.execute("GRANT analysts TO readers")).hasMessage("role \"analysts\" is a member of role \"readers\"")
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("0LP01"));
    }

    @Test
    void ownersHaveEveryPrivilegeAndMayGrantThem() {
        admin.execute("GRANT CREATE ON SCHEMA main TO alice");
        try (Session alice = database.newSession("alice"); Session bob = database.newSession("bob")) {
            alice.execute("CREATE TABLE mine (a INT)");
            alice.execute("INSERT INTO mine VALUES (1)");
            assertThat(database.security().owner(SecuredObject.table(
                    database.storage().current().table("main", "mine").orElseThrow().tableId()))).isEqualTo("alice");
            denied(bob, "SELECT * FROM mine", "permission denied for table mine");
            denied(bob, "GRANT SELECT ON mine TO bob", "permission denied for table mine");
            alice.execute("GRANT SELECT ON mine TO bob");
            assertThat(rows(bob, "SELECT * FROM mine")).containsExactly(List.of("1"));
            denied(bob, "DROP TABLE mine", "must be owner of table mine");
            denied(alice, "GRANT SELECT ON t TO bob", "permission denied for table t");
            alice.execute("ALTER TABLE mine RENAME TO ours");
            assertThat(rows(bob, "SELECT * FROM ours")).as("grants follow the table, not its name").containsExactly(List.of("1"));
            alice.execute("DROP TABLE ours");
            alice.execute("CREATE TABLE ours (a INT)");
            denied(bob, "SELECT * FROM ours", "permission denied for table ours");
        }
    }

    @Test
    void aViewIsCheckedItselfAndWhatItReadsAgainstItsOwner() {
        admin.execute("CREATE VIEW small AS SELECT a FROM t WHERE a < 2");
        admin.execute("GRANT SELECT ON small TO alice");
        admin.execute("GRANT CREATE ON SCHEMA main TO alice");
        try (Session alice = database.newSession("alice")) {
            assertThat(rows(alice, "SELECT * FROM small")).containsExactly(List.of("1"));
            denied(alice, "SELECT * FROM t", "permission denied for table t");
            // a view of her own over a table she cannot read would be a way around the check
            denied(alice, "CREATE VIEW peek AS SELECT * FROM t", "permission denied for table t");
            alice.execute("CREATE VIEW tiny AS SELECT a FROM small");
            admin.execute("GRANT SELECT ON tiny TO bob");
            try (Session bob = database.newSession("bob")) {
                assertThat(rows(bob, "SELECT * FROM tiny")).containsExactly(List.of("1"));
                admin.execute("REVOKE SELECT ON small FROM alice");
                // tiny's owner lost SELECT on what tiny reads: PostgreSQL checks a view's reads as its owner
                denied(bob, "SELECT * FROM tiny", "permission denied for view small");
            }
            denied(alice, "CREATE OR REPLACE VIEW small AS SELECT 1 AS a", "must be owner of view small");
            denied(alice, "DROP VIEW small", "must be owner of view small");
        }
    }

    @Test
    void mergeNeedsThePrivilegesOfItsClausesAndSelectOnItsTarget() {
        admin.execute("GRANT SELECT ON other TO alice");
        admin.execute("GRANT UPDATE ON t TO alice");
        String merge = "MERGE INTO t USING other o ON t.a = o.a WHEN MATCHED THEN UPDATE SET b = 'm' "
                + "WHEN NOT MATCHED THEN INSERT VALUES (o.a, 'n')";
        try (Session alice = database.newSession("alice")) {
            denied(alice, merge, "permission denied for table t");
            admin.execute("GRANT INSERT ON t TO alice");
            denied(alice, merge, "permission denied for table t");
            admin.execute("GRANT SELECT ON t TO alice");
            assertThat(alice.execute(merge)).isEqualTo(new io.basalt.server.result.StatementResult.RowCount("MERGE", 1));
        }
    }

    @Test
    void copyWithServerFilesNeedsASuperuserOrTheFileRoles() {
        String file = directory.resolve("out.csv").toString();
        admin.execute("GRANT SELECT, INSERT ON t TO alice");
        try (Session alice = database.newSession("alice")) {
            denied(alice, "COPY t TO '" + file + "'", "permission denied to COPY to a file: only superusers and members of "
                    + "pg_write_server_files may");
            admin.execute("GRANT pg_write_server_files TO alice");
            alice.execute("COPY t TO '" + file + "'");
            denied(alice, "COPY other TO '" + file + "'", "permission denied for table other");
            denied(alice, "COPY t FROM '" + file + "'", "permission denied to COPY from a file: only superusers and "
                    + "members of pg_read_server_files may");
            admin.execute("GRANT pg_read_server_files TO alice");
            alice.execute("COPY t FROM '" + file + "'");
            denied(alice, "COPY other FROM '" + file + "'", "permission denied for table other");
        }
        assertThat(rows(admin, "SELECT count(*) FROM t")).containsExactly(List.of("4"));
    }

    @Test
    void schemaUsageIsNeededToReachItsTables() {
        admin.execute("CREATE SCHEMA s");
        admin.execute("CREATE TABLE s.x (a INT)");
        admin.execute("GRANT SELECT ON s.x TO alice");
        try (Session alice = database.newSession("alice")) {
            denied(alice, "SELECT * FROM s.x", "permission denied for schema s");
            admin.execute("GRANT USAGE ON SCHEMA s TO alice");
            assertThat(rows(alice, "SELECT * FROM s.x")).isEmpty();
            admin.execute("REVOKE USAGE ON SCHEMA main FROM PUBLIC");
            admin.execute("GRANT SELECT ON t TO alice");
            denied(alice, "SELECT * FROM t", "permission denied for schema main");
        }
    }

    @Test
    void onlyASuperuserManagesRolesButEveryoneMayChangeTheirOwnPassword() {
        try (Session alice = database.newSession("alice")) {
            denied(alice, "CREATE USER carol PASSWORD 'c'", "permission denied to create role");
            denied(alice, "DROP USER bob", "permission denied to drop role");
            denied(alice, "ALTER USER bob PASSWORD 'x'", "permission denied to alter role");
            denied(alice, "ALTER USER alice SUPERUSER", "permission denied to alter role");
            denied(alice, "GRANT pg_read_server_files TO alice", "permission denied to grant role");
            byte[] before = database.security().users().find("alice").orElseThrow().storedKey();
            alice.execute("ALTER USER alice WITH PASSWORD 'new'");
            assertThat(database.security().users().find("alice").orElseThrow().storedKey()).isNotEqualTo(before);
        }
    }

    @Test
    void aSuperuserCreatedBySqlIsOne() {
        admin.execute("CREATE ROLE root WITH LOGIN PASSWORD 'r' SUPERUSER");
        try (Session root = database.newSession("root")) {
            assertThat(rows(root, "SELECT count(*) FROM t")).containsExactly(List.of("2"));
            root.execute("CREATE SCHEMA s");
        }
    }

    @Test
    void roleStatementErrors() {
        assertThatThrownBy(() -> admin.execute("CREATE USER alice PASSWORD 'x'")).hasMessage("role \"alice\" already exists")
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("42710"));
        assertThatThrownBy(() -> admin.execute("CREATE ROLE public")).hasMessage("role name \"public\" is reserved")
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("42939"));
        assertThatThrownBy(() -> admin.execute("DROP USER nobody")).hasMessage("role \"nobody\" does not exist")
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("42704"));
        admin.execute("DROP USER IF EXISTS nobody");
        assertThatThrownBy(() -> admin.execute("GRANT SELECT ON t TO nobody")).hasMessage("role \"nobody\" does not exist");
        assertThatThrownBy(() -> admin.execute("GRANT USAGE ON t TO alice")).hasMessage("invalid privilege type USAGE for table")
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("0LP01"));
        assertThatThrownBy(() -> admin.execute("GRANT SELECT ON SCHEMA main TO alice"))
                .hasMessage("invalid privilege type SELECT for schema");
        assertThatThrownBy(() -> admin.execute("GRANT SELECT ON missing TO alice")).hasMessage("relation \"missing\" does not exist")
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("42P01"));
        assertThatThrownBy(() -> admin.execute("GRANT USAGE ON SCHEMA missing TO alice"))
                .hasMessage("schema \"missing\" does not exist");
        assertThatThrownBy(() -> admin.execute("DROP ROLE admin")).hasMessage("current user cannot be dropped");
        assertThatThrownBy(() -> admin.execute("DROP ROLE pg_read_server_files")).hasMessageContaining("required by the database system");
        admin.execute("BEGIN");
        assertThatThrownBy(() -> admin.execute("GRANT SELECT ON t TO alice")).hasMessageContaining("inside a transaction block")
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("25001"));
        admin.execute("ROLLBACK");
    }

    @Test
    void aRoleThatOwnsObjectsCannotBeDroppedAndADroppedRoleLosesItsGrants() {
        admin.execute("GRANT CREATE ON SCHEMA main TO alice");
        admin.execute("GRANT SELECT ON t TO bob");
        try (Session alice = database.newSession("alice")) {
            alice.execute("CREATE TABLE mine (a INT)");
        }
        assertThatThrownBy(() -> admin.execute("DROP USER alice")).hasMessageStartingWith("role \"alice\" cannot be dropped "
                + "because some objects depend on it").satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("2BP01"));
        admin.execute("DROP TABLE mine");
        admin.execute("DROP USER alice, bob");
        assertThat(database.security().users().find("bob")).isEmpty();
        admin.execute("CREATE USER bob PASSWORD 'b2'");
        try (Session bob = database.newSession("bob")) {
            denied(bob, "SELECT * FROM t", "permission denied for table t");
        }
    }

    @Test
    void grantsOwnersAndRolesSurviveReopening() {
        admin.execute("CREATE ROLE readers");
        admin.execute("GRANT SELECT ON t TO readers");
        admin.execute("GRANT readers TO alice");
        admin.execute("GRANT CREATE ON SCHEMA main TO bob");
        try (Session bob = database.newSession("bob")) {
            bob.execute("CREATE VIEW bobs AS SELECT 1 AS one");
        }
        admin.close();
        database.close();
        database = Database.open(directory);
        database.security().setPasswordIterations(4096);
        admin = database.newSession();
        try (Session alice = database.newSession("alice"); Session bob = database.newSession("bob")) {
            assertThat(rows(alice, "SELECT count(*) FROM t")).containsExactly(List.of("2"));
            denied(alice, "SELECT * FROM bobs", "permission denied for view bobs");
            bob.execute("DROP VIEW bobs");
        }
    }

    @Test
    void informationSchemaListsWhatTheUserGrantedOrReceived() {
        admin.execute("CREATE ROLE readers");
        admin.execute("GRANT SELECT ON t TO readers");
        admin.execute("GRANT readers TO alice");
        admin.execute("GRANT INSERT ON other TO bob");
        try (Session alice = database.newSession("alice")) {
            assertThat(rows(alice, "SELECT grantor, grantee, table_schema, table_name, privilege_type, is_grantable "
                    + "FROM information_schema.table_privileges ORDER BY table_name, privilege_type"))
                    .containsExactly(List.of("admin", "readers", "main", "t", "SELECT", "NO"));
            assertThat(rows(alice, "SELECT role_name FROM information_schema.enabled_roles ORDER BY 1"))
                    .containsExactly(List.of("alice"), List.of("readers"));
            assertThat(rows(alice, "SELECT grantee, role_name, is_grantable FROM information_schema.applicable_roles"))
                    .containsExactly(List.of("alice", "readers", "NO"));
            admin.execute("REVOKE SELECT ON t FROM readers");
            assertThat(rows(alice, "SELECT count(*) FROM information_schema.table_privileges")).containsExactly(List.of("0"));
        }
        // the superuser sees every grant, the owner's own privileges included (4 per table)
        assertThat(rows(admin, "SELECT count(*) FROM information_schema.table_privileges")).containsExactly(List.of("9"));
    }

    @Test
    void createTableAsNeedsCreateAndSelectAndMakesTheCreatorTheOwner() {
        admin.execute("GRANT CREATE ON SCHEMA main TO alice");
        admin.execute("GRANT SELECT ON t TO alice");
        admin.execute("CREATE SCHEMA s");
        try (Session alice = database.newSession("alice")) {
            denied(alice, "CREATE TABLE leak AS SELECT * FROM other", "permission denied for table other");
            alice.execute("CREATE TABLE copy AS SELECT * FROM t");
            alice.execute("TRUNCATE copy");
            assertThat(rows(alice, "SELECT count(*) FROM copy")).containsExactly(List.of("0"));
            denied(alice, "CREATE TABLE s.x (a INT)", "permission denied for schema s");
            denied(alice, "DROP SCHEMA s", "must be owner of schema s");
        }
        assertThat(rows(admin, "SELECT table_name FROM information_schema.tables ORDER BY 1"))
                .containsExactly(List.of("copy"), List.of("other"), List.of("t"));
    }

    @Test
    void anEmbeddedSessionIsASuperuser() {
        admin.execute("REVOKE USAGE ON SCHEMA main FROM PUBLIC");
        assertThat(rows(admin, "SELECT count(*) FROM t")).containsExactly(List.of("2"));
        assertThat(admin.user()).isEqualTo("admin");
    }
}
