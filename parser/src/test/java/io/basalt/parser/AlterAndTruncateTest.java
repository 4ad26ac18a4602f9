package io.basalt.parser;

import io.basalt.parser.ast.AlterTableStatement;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.ForeignKeyConstraint;
import io.basalt.parser.ast.PrimaryKeyConstraint;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.TruncateStatement;
import io.basalt.parser.ast.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlterAndTruncateTest {

    @Test
    void truncateOneOrSeveralTablesWithOrWithoutTheWordTable() {
        assertThat(((TruncateStatement) StatementParser.parse("TRUNCATE t")).names()).containsExactly(QualifiedName.of("t"));
        assertThat(((TruncateStatement) StatementParser.parse("truncate table a, S.b")).names())
                .containsExactly(QualifiedName.of("a"), QualifiedName.of("s", "b"));
    }

    @Test
    void addColumnKeepsItsConstraintsApart() {
        AlterTableStatement alter = (AlterTableStatement) StatementParser.parse(
                "ALTER TABLE IF EXISTS s.t ADD COLUMN IF NOT EXISTS c INT NOT NULL DEFAULT 1 + 1 PRIMARY KEY");
        assertThat(alter.table()).isEqualTo(QualifiedName.of("s", "t"));
        assertThat(alter.ifExists()).isTrue();
        AlterTableStatement.AddColumn add = (AlterTableStatement.AddColumn) alter.action();
        assertThat(add.ifNotExists()).isTrue();
        assertThat(add.column().name()).isEqualTo("c");
        assertThat(add.column().notNull()).isTrue();
        assertThat(add.column().defaultExpression().orElseThrow().text()).isEqualTo("1 + 1");
        assertThat(add.constraints()).singleElement().isInstanceOf(PrimaryKeyConstraint.class);
        AlterTableStatement.AddColumn bare = (AlterTableStatement.AddColumn) ((AlterTableStatement) StatementParser
                .parse("alter table t add note text")).action();
        assertThat(bare.column().name()).isEqualTo("note");
        assertThat(bare.ifNotExists()).isFalse();
    }

    @Test
    void addConstraint() {
        AlterTableStatement.AddConstraint unique = (AlterTableStatement.AddConstraint) ((AlterTableStatement) StatementParser
                .parse("ALTER TABLE t ADD CONSTRAINT t_u UNIQUE (a, b)")).action();
        assertThat(unique.constraint()).isInstanceOf(UniqueConstraint.class);
        assertThat(unique.constraint().name()).isEqualTo(Optional.of("t_u"));
        assertThat(unique.constraint().columns()).containsExactly("a", "b");
        AlterTableStatement.AddConstraint foreign = (AlterTableStatement.AddConstraint) ((AlterTableStatement) StatementParser
                .parse("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (id)")).action();
        assertThat(foreign.constraint()).isInstanceOf(ForeignKeyConstraint.class);
    }

    @Test
    void dropAndRename() {
        assertThat(((AlterTableStatement) StatementParser.parse("ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE")).action())
                .isEqualTo(new AlterTableStatement.DropColumn("c", true, DropBehavior.CASCADE));
        assertThat(((AlterTableStatement) StatementParser.parse("ALTER TABLE t DROP c")).action())
                .isEqualTo(new AlterTableStatement.DropColumn("c", false, DropBehavior.RESTRICT));
        assertThat(((AlterTableStatement) StatementParser.parse("ALTER TABLE t RENAME COLUMN a TO \"B\"")).action())
                .isEqualTo(new AlterTableStatement.RenameColumn("a", "B"));
        assertThat(((AlterTableStatement) StatementParser.parse("ALTER TABLE t RENAME a TO b")).action())
                .isEqualTo(new AlterTableStatement.RenameColumn("a", "b"));
        assertThat(((AlterTableStatement) StatementParser.parse("ALTER TABLE t RENAME TO u")).action())
                .isEqualTo(new AlterTableStatement.RenameTable("u"));
    }

    @Test
    void theNewKeywordsStayUsableAsNames() {
        assertThat(((TruncateStatement) StatementParser.parse("TRUNCATE rename")).names())
                .containsExactly(QualifiedName.of("rename"));
        assertThat(((AlterTableStatement) StatementParser.parse("ALTER TABLE alter ADD add INT")).table())
                .isEqualTo(QualifiedName.of("alter"));
    }

    @Test
    void anAlterWithoutActionIsASyntaxError() {
        assertThatThrownBy(() -> StatementParser.parse("ALTER TABLE t")).isInstanceOf(ParseException.class)
                .hasMessageContaining("syntax error at end of input");
    }
}
