package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.parser.ast.AlterRoleStatement;
import io.basalt.parser.ast.CreateRoleStatement;
import io.basalt.parser.ast.DropRoleStatement;
import io.basalt.parser.ast.Privilege;
import io.basalt.parser.ast.PrivilegeStatement;
import io.basalt.parser.ast.PrivilegeTarget;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.RoleMembershipStatement;
import io.basalt.parser.ast.RoleOptions;
import io.basalt.parser.ast.SourceSpan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleStatementTest {

    @Test
    void createUserWithAndWithoutWith() {
        assertThat(StatementParser.parse("CREATE USER Alice PASSWORD 'it''s'")).isEqualTo(new CreateRoleStatement("alice",
                true, new RoleOptions(Optional.of("it's"), Optional.empty(), Optional.empty()), new SourceSpan(0, 34, 1, 1)));
        CreateRoleStatement user = (CreateRoleStatement) StatementParser.parse("create user \"Bob\" with password 'x'");
        assertThat(user.name()).isEqualTo("Bob");
        assertThat(user.login()).isTrue();
        assertThat(user.options().password()).contains("x");
    }

    @Test
    void createRoleLogsInOnlyWhenAsked() {
        CreateRoleStatement role = (CreateRoleStatement) StatementParser.parse("CREATE ROLE readers");
        assertThat(role.user()).isFalse();
        assertThat(role.login()).isFalse();
        assertThat(role.options().password()).isEmpty();
        CreateRoleStatement login = (CreateRoleStatement) StatementParser.parse(
                "CREATE ROLE carol WITH LOGIN PASSWORD 'p' SUPERUSER");
        assertThat(login.login()).isTrue();
        assertThat(login.options().superuser()).contains(true);
        assertThat(((CreateRoleStatement) StatementParser.parse("CREATE USER u NOLOGIN")).login()).isFalse();
    }

    @Test
    void anOptionTwiceIsAnError() {
        assertThatThrownBy(() -> StatementParser.parse("CREATE USER u PASSWORD 'a' PASSWORD 'b'"))
                .isInstanceOf(ParseException.class).hasMessageContaining("conflicting or redundant options");
        assertThatThrownBy(() -> StatementParser.parse("CREATE ROLE r LOGIN NOLOGIN"))
                .isInstanceOf(ParseException.class).hasMessageContaining("conflicting or redundant options");
    }

    @Test
    void thePasswordIsNotPrinted() {
        assertThat(StatementParser.parse("ALTER USER u PASSWORD 'secret'").toString()).doesNotContain("secret");
    }

    @Test
    void alterAndDrop() {
        AlterRoleStatement alter = (AlterRoleStatement) StatementParser.parse("ALTER USER u WITH PASSWORD 'n'");
        assertThat(alter.name()).isEqualTo("u");
        assertThat(alter.options().password()).contains("n");
        assertThatThrownBy(() -> StatementParser.parse("ALTER USER u")).isInstanceOf(ParseException.class);
        assertThat(StatementParser.parse("DROP USER IF EXISTS a, b"))
                .isEqualTo(new DropRoleStatement(List.of("a", "b"), true, new SourceSpan(0, 24, 1, 1)));
        assertThat(((DropRoleStatement) StatementParser.parse("DROP ROLE r")).ifExists()).isFalse();
    }

    @Test
    void grantAndRevokeRoles() {
        assertThat(StatementParser.parse("GRANT r1, r2 TO a, b")).isEqualTo(new RoleMembershipStatement(true,
                List.of("r1", "r2"), List.of("a", "b"), new SourceSpan(0, 20, 1, 1)));
        RoleMembershipStatement revoke = (RoleMembershipStatement) StatementParser.parse("REVOKE r FROM u");
        assertThat(revoke.grant()).isFalse();
        assertThat(revoke.roles()).containsExactly("r");
        assertThat(revoke.members()).containsExactly("u");
    }

    @Test
    void grantOnTables() {
        PrivilegeStatement grant = (PrivilegeStatement) StatementParser.parse(
                "GRANT SELECT, insert, SELECT ON TABLE t, s.u TO alice, PUBLIC");
        assertThat(grant.grant()).isTrue();
        assertThat(grant.allPrivileges()).isFalse();
        assertThat(grant.privileges()).containsExactly(Privilege.SELECT, Privilege.INSERT);
        assertThat(grant.target()).isEqualTo(PrivilegeTarget.tables(List.of(QualifiedName.of("t"), QualifiedName.of("s", "u"))));
        assertThat(grant.grantees()).containsExactly("alice", PrivilegeStatement.PUBLIC);
        PrivilegeStatement all = (PrivilegeStatement) StatementParser.parse("GRANT ALL PRIVILEGES ON t TO bob");
        assertThat(all.allPrivileges()).isTrue();
        assertThat(all.privileges()).isEmpty();
        assertThat(((PrivilegeStatement) StatementParser.parse("GRANT ALL ON t TO bob")).allPrivileges()).isTrue();
    }

    @Test
    void grantOnSchemasAndAllTablesInSchemas() {
        PrivilegeStatement schema = (PrivilegeStatement) StatementParser.parse("GRANT CREATE, USAGE ON SCHEMA s TO u");
        assertThat(schema.target()).isEqualTo(PrivilegeTarget.schemas(List.of("s")));
        assertThat(schema.target().onSchemas()).isTrue();
        PrivilegeStatement revoke = (PrivilegeStatement) StatementParser.parse(
                "REVOKE UPDATE, DELETE ON ALL TABLES IN SCHEMA main, s FROM u");
        assertThat(revoke.grant()).isFalse();
        assertThat(revoke.target()).isEqualTo(PrivilegeTarget.allTablesIn(List.of("main", "s")));
    }

    @Test
    void aTableNamedSchemaOrPublic() {
        PrivilegeStatement grant = (PrivilegeStatement) StatementParser.parse("GRANT SELECT ON public.schema TO u");
        assertThat(grant.target().tables()).containsExactly(QualifiedName.of("public", "schema"));
    }

    @Test
    void unsupportedPrivilegesAreSyntaxErrors() {
        assertThatThrownBy(() -> StatementParser.parse("GRANT TRIGGER ON t TO u")).isInstanceOf(ParseException.class);
    }
}
