package io.basalt.parser;

import io.basalt.parser.ast.CreateIndexStatement;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.DropIndexStatement;
import io.basalt.parser.ast.IndexColumn;
import io.basalt.parser.ast.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexStatementTest {

    @Test
    void createIndexWithDirectionsAndIncludedColumns() {
        CreateIndexStatement create = (CreateIndexStatement) StatementParser.parse(
                "CREATE UNIQUE INDEX IF NOT EXISTS Idx ON s.T USING BTREE (a, b DESC, c ASC) INCLUDE (d, e)");
        assertThat(create.name()).contains("idx");
        assertThat(create.unique()).isTrue();
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.table()).isEqualTo(QualifiedName.of("s", "t"));
        assertThat(create.keys()).containsExactly(new IndexColumn("a", false), new IndexColumn("b", true),
                new IndexColumn("c", false));
        assertThat(create.included()).containsExactly("d", "e");
    }

    @Test
    void createIndexWithoutNameOrIncludedColumns() {
        CreateIndexStatement create = (CreateIndexStatement) StatementParser.parse("create index on t1 (x)");
        assertThat(create.name()).isEqualTo(Optional.empty());
        assertThat(create.unique()).isFalse();
        assertThat(create.included()).isEmpty();
        // Words that became keywords still name things.
        CreateIndexStatement named = (CreateIndexStatement) StatementParser.parse("CREATE INDEX index ON include (index)");
        assertThat(named.name()).contains("index");
        assertThat(named.table()).isEqualTo(QualifiedName.of("include"));
    }

    @Test
    void dropIndexesWithBehavior() {
        DropIndexStatement drop = (DropIndexStatement) StatementParser.parse("DROP INDEX IF EXISTS i, s.j CASCADE");
        assertThat(drop.names()).containsExactly(QualifiedName.of("i"), QualifiedName.of("s", "j"));
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.behavior()).isEqualTo(DropBehavior.CASCADE);
        assertThat(((DropIndexStatement) StatementParser.parse("drop index i")).behavior()).isEqualTo(DropBehavior.RESTRICT);
    }

    @Test
    void anIndexNeedsKeyColumns() {
        assertThatThrownBy(() -> StatementParser.parse("CREATE INDEX i ON t ()")).isInstanceOf(ParseException.class)
                .hasMessageContaining("syntax error");
        assertThatThrownBy(() -> StatementParser.parse("CREATE INDEX IF NOT EXISTS ON t (a)"))
                .isInstanceOf(ParseException.class);
    }
}
