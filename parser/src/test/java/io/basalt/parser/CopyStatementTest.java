package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.basalt.parser.ast.CopyFromStatement;
import io.basalt.parser.ast.CopyToStatement;
import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.ast.QualifiedName;
import org.junit.jupiter.api.Test;

class CopyStatementTest {

    @Test
    void copyFromWithParenthesisedOptions() {
        CopyFromStatement copy = (CopyFromStatement) StatementParser.parse("COPY fact_sales FROM '/data/sales.tbl' "
                + "(FORMAT csv, DELIMITER '|', HEADER false, NULL '', QUOTE '\"', ESCAPE '\\', DATEFORMAT '%d/%m/%Y', "
                + "TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S', ENCODING 'UTF8', COMPRESSION gzip)");
        assertThat(copy.table()).isEqualTo(QualifiedName.of("fact_sales"));
        assertThat(copy.columns()).isEmpty();
        assertThat(copy.file()).isEqualTo("/data/sales.tbl");
        assertThat(copy.options()).containsExactly(
                entry("FORMAT", OptionValue.identifier("csv")),
                entry("DELIMITER", OptionValue.string("|")),
                entry("HEADER", OptionValue.bool(false)),
                entry("NULL", OptionValue.string("")),
                entry("QUOTE", OptionValue.string("\"")),
                entry("ESCAPE", OptionValue.string("\\")),
                entry("DATEFORMAT", OptionValue.string("%d/%m/%Y")),
                entry("TIMESTAMPFORMAT", OptionValue.string("%Y-%m-%d %H:%M:%S")),
                entry("ENCODING", OptionValue.string("UTF8")),
                entry("COMPRESSION", OptionValue.identifier("gzip")));
    }

    @Test
    void bareOptionsMeanTrueAndWithMayPrecedeTheParentheses() {
        CopyFromStatement copy = (CopyFromStatement) StatementParser.parse(
                "copy s.t (a, \"B\") from 'f.csv' with (header, format 'CSV', skip 2, sample_size -1, strict on)");
        assertThat(copy.table()).isEqualTo(QualifiedName.of("s", "t"));
        assertThat(copy.columns()).containsExactly("a", "B");
        assertThat(copy.options()).containsExactly(
                entry("HEADER", OptionValue.bool(true)),
                entry("FORMAT", OptionValue.string("CSV")),
                entry("SKIP", OptionValue.number("2")),
                entry("SAMPLE_SIZE", OptionValue.number("-1")),
                entry("STRICT", OptionValue.bool(true)));
        assertThat(copy.options().get("HEADER").asBoolean()).isTrue();
    }

    @Test
    void olderOptionSyntax() {
        CopyFromStatement copy = (CopyFromStatement) StatementParser.parse(
                "COPY t FROM '/tmp/t.csv' WITH DELIMITER '|' CSV HEADER NULL AS '\\N' QUOTE AS '''' ESCAPE '\\' ENCODING 'LATIN1'");
        assertThat(copy.options()).containsExactly(
                entry("DELIMITER", OptionValue.string("|")),
                entry("FORMAT", OptionValue.identifier("csv")),
                entry("HEADER", OptionValue.bool(true)),
                entry("NULL", OptionValue.string("\\N")),
                entry("QUOTE", OptionValue.string("'")),
                entry("ESCAPE", OptionValue.string("\\")),
                entry("ENCODING", OptionValue.string("LATIN1")));
        CopyFromStatement withoutWith = (CopyFromStatement) StatementParser.parse("COPY t FROM 'f' BINARY");
        assertThat(withoutWith.options()).containsExactly(entry("FORMAT", OptionValue.identifier("binary")));
    }

    @Test
    void noOptionsAndEscapedFileNames() {
        CopyFromStatement copy = (CopyFromStatement) StatementParser.parse("COPY t FROM E'C:\\\\data\\\\t.csv'");
        assertThat(copy.file()).isEqualTo("C:\\data\\t.csv");
        assertThat(copy.options()).isEmpty();
        assertThat(((CopyFromStatement) StatementParser.parse("COPY t FROM $$it's.csv$$")).file()).isEqualTo("it's.csv");
    }

    @Test
    void copyTableTo() {
        CopyToStatement copy = (CopyToStatement) StatementParser.parse("COPY t (a) TO 'out.csv' (FORMAT csv, HEADER)");
        assertThat(copy.table()).contains(QualifiedName.of("t"));
        assertThat(copy.columns()).containsExactly("a");
        assertThat(copy.query()).isEmpty();
        assertThat(copy.file()).isEqualTo("out.csv");
        assertThat(copy.options()).containsExactly(entry("FORMAT", OptionValue.identifier("csv")),
                entry("HEADER", OptionValue.bool(true)));
        assertThat(((CopyToStatement) StatementParser.parse("COPY t TO 'out.csv' (FORCE_QUOTE *)")).options())
                .containsExactly(entry("FORCE_QUOTE", OptionValue.identifier("*")));
    }

    @Test
    void copyQueryToKeepsTheQuerySpan() {
        String sql = "COPY (SELECT a, (b + 1) FROM t WHERE c IN (1, 2)) TO 'out.csv' WITH CSV HEADER";
        CopyToStatement copy = (CopyToStatement) StatementParser.parse(sql);
        assertThat(copy.table()).isEmpty();
        String query = "SELECT a, (b + 1) FROM t WHERE c IN (1, 2)";
        assertThat(copy.query()).hasValueSatisfying(fragment -> {
            assertThat(fragment.text()).isEqualTo(query);
            assertThat(fragment.span().startOffset()).isEqualTo(6);
            assertThat(fragment.span().column()).isEqualTo(7);
        });
        assertThat(copy.options()).containsOnlyKeys("FORMAT", "HEADER");
        assertThat(((CopyToStatement) StatementParser.parse("COPY ((SELECT 1) UNION (SELECT 2)) TO 'f'")).query())
                .hasValueSatisfying(fragment -> assertThat(fragment.text()).isEqualTo("(SELECT 1) UNION (SELECT 2)"));
    }

    @Test
    void aRepeatedOptionIsRejected() {
        assertThatThrownBy(() -> StatementParser.parse("COPY t FROM 'f' (FORMAT csv, format csv)"))
                .isInstanceOfSatisfying(ParseException.class, error -> {
                    assertThat(error).hasMessage("conflicting or redundant options");
                    assertThat(error.column()).isEqualTo(30);
                });
        assertThatThrownBy(() -> StatementParser.parse("COPY t FROM 'f' CSV BINARY"))
                .hasMessage("conflicting or redundant options");
    }

    @Test
    void copyOfSomethingThatIsNotAQueryIsASyntaxError() {
        assertThatThrownBy(() -> StatementParser.parse("COPY (DROP TABLE t) TO 'f'"))
                .hasMessage("syntax error at or near \"DROP\"");
        assertThatThrownBy(() -> StatementParser.parse("COPY () TO 'f'"))
                .hasMessage("syntax error at or near \")\"");
        assertThatThrownBy(() -> StatementParser.parse("COPY t FROM STDIN"))
                .hasMessage("syntax error at or near \"STDIN\"");
    }
}
