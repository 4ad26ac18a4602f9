package io.basalt.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedKeyRequestTest {

    @Test
    void anInsertGetsAReturningClauseOnANewLine() throws SQLException {
        GeneratedKeyRequest all = GeneratedKeyRequest.of(Statement.RETURN_GENERATED_KEYS);
        assertThat(all.rewrite("INSERT INTO t VALUES (1)")).isEqualTo("INSERT INTO t VALUES (1)\nRETURNING *");
        assertThat(all.rewrite("  /* lead */ insert into t values (1) -- trailing"))
                .isEqualTo("  /* lead */ insert into t values (1) -- trailing\nRETURNING *");
        assertThat(all.rewrite("INSERT INTO t VALUES (1) ;  -- done")).isEqualTo("INSERT INTO t VALUES (1) \nRETURNING *");
    }

    @Test
    void namedColumnsAreQuotedOnlyWhenTheyMustBe() throws SQLException {
        GeneratedKeyRequest named = GeneratedKeyRequest.ofColumns(new String[] {"id", "Mixed Case", "a\"b"});
        assertThat(named.rewrite("INSERT INTO t VALUES (1)"))
                .isEqualTo("INSERT INTO t VALUES (1)\nRETURNING id, \"Mixed Case\", \"a\"\"b\"");
    }

    @Test
    void otherStatementsAndInsertsWithTheirOwnReturningAreLeftAlone() throws SQLException {
        GeneratedKeyRequest all = GeneratedKeyRequest.of(Statement.RETURN_GENERATED_KEYS);
        assertThat(all.appliesTo("UPDATE t SET a = 1")).isFalse();
        assertThat(all.rewrite("UPDATE t SET a = 1")).isEqualTo("UPDATE t SET a = 1");
        assertThat(all.appliesTo("INSERT INTO t VALUES (1) RETURNING a")).isTrue();
        assertThat(all.rewrite("INSERT INTO t VALUES (1) RETURNING a")).isEqualTo("INSERT INTO t VALUES (1) RETURNING a");
        // 'returning' in a string, a quoted name, a comment or a subquery is not the clause
        String tricky = "INSERT INTO t SELECT 'returning', \"returning\" FROM (SELECT 1 AS returning_x) s /* returning */";
        assertThat(all.rewrite(tricky)).isEqualTo(tricky + "\nRETURNING *");
        assertThat(GeneratedKeyRequest.NONE.appliesTo("INSERT INTO t VALUES (1)")).isFalse();
        assertThat(GeneratedKeyRequest.of(Statement.NO_GENERATED_KEYS).rewrite("INSERT INTO t VALUES (1)"))
                .isEqualTo("INSERT INTO t VALUES (1)");
    }

    @Test
    void badRequestsAreRefused() {
        assertThatThrownBy(() -> GeneratedKeyRequest.of(42)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> GeneratedKeyRequest.ofColumns(new String[0])).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> GeneratedKeyRequest.ofColumns(null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> GeneratedKeyRequest.ofIndexes(new int[] {1}))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
    }
}
