package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every error names the problem as PostgreSQL does and points at its place in the original script. */
class ParseErrorTest {

    private static ParseException scriptError(String script) {
        return assertThrows(ParseException.class, () -> StatementParser.parseScript(script));
    }

    private static void assertError(ParseException error, String sqlState, String message, int line, int column, int offset) {
        assertThat(error).hasMessage(message);
        assertThat(error.sqlState()).isEqualTo(sqlState);
        assertThat(error.line()).as("line").isEqualTo(line);
        assertThat(error.column()).as("column").isEqualTo(column);
        assertThat(error.offset()).as("offset").isEqualTo(offset);
    }

    @Test
    void trailingCommaInAColumnList() {
        assertError(scriptError("CREATE TABLE t (a INT,)"), "42601", "syntax error at or near \")\"", 1, 23, 22);
    }

    @Test
    void misspelledKeywordOnALaterLine() {
        String script = "SELECT 1;\nCREATE TABLE t (a INT);\n  SELEC 1;";
        assertError(scriptError(script), "42601", "syntax error at or near \"SELEC\"", 3, 3, script.indexOf("SELEC 1"));
    }

    @Test
    void unknownStatement() {
        assertError(scriptError("VACUUM t"), "42601", "syntax error at or near \"VACUUM\"", 1, 1, 0);
        assertError(scriptError("CREATE TABEL t (a INT)"), "42601", "syntax error at or near \"TABEL\"", 1, 8, 7);
    }

    @Test
    void statementsOfFeaturesBasaltLacksAreNotSupportedRatherThanSyntaxErrors() {
        assertError(scriptError("SELECT 1;\n  reindex index i"), "0A000", "not supported yet: REINDEX", 2, 3, 12);
        assertError(scriptError("CREATE INDEX i ON t USING hash (a)"), "0A000",
                "not supported yet: index access method \"hash\" (only btree)", 1, 21, 20);
        assertError(scriptError("CREATE MATERIALIZED VIEW m AS SELECT 1"), "0A000",
                "not supported yet: CREATE MATERIALIZED VIEW", 1, 1, 0);
        assertError(scriptError("CREATE INDEXES t"), "42601", "syntax error at or near \"INDEXES\"", 1, 8, 7);
    }

    @Test
    void unterminatedString() {
        String script = "SELECT 1;\nINSERT INTO t VALUES ('abc);\nSELECT 2;";
        assertError(scriptError(script), "42601", "unterminated quoted string at or near \"'abc);\nSELECT 2;\"", 2, 23,
                script.indexOf("'abc"));
    }

    @Test
    void otherUnterminatedTokens() {
        assertError(scriptError("SELECT \"abc"), "42601", "unterminated quoted identifier at or near \"\"abc\"", 1, 8, 7);
        assertError(scriptError("SELECT $x$ abc $y$"), "42601", "unterminated dollar-quoted string at or near \"$x$ abc $y$\"",
                1, 8, 7);
        assertError(scriptError("SELECT 1 /* abc"), "42601", "unterminated /* comment at or near \"/* abc\"", 1, 10, 9);
    }

    @Test
    void longTokensAreShortenedInMessages() {
        ParseException error = scriptError("SELECT '" + "x".repeat(100));
        assertThat(error.getMessage()).isEqualTo("unterminated quoted string at or near \"'" + "x".repeat(39) + "...\"");
    }

    @Test
    void endOfInputPointsJustPastTheLastToken() {
        assertError(scriptError("CREATE TABLE t (a INT  ;"), "42601", "syntax error at end of input", 1, 22, 21);
        assertError(scriptError("DROP TABLE\n"), "42601", "syntax error at end of input", 1, 11, 10);
    }

    @Test
    void unsupportedConstraintsAreNotSupportedYetAtTheirStart() {
        assertError(scriptError("CREATE TABLE t (a INT CHECK (a > 0))"), "0A000", "not supported yet: CHECK constraints", 1, 23, 22);
        assertError(scriptError("CREATE TABLE t (a INT, CONSTRAINT c CHECK (a > 0))"), "0A000",
                "not supported yet: CHECK constraints", 1, 37, 36);
        assertError(scriptError("CREATE TABLE t (a INT REFERENCES u ON DELETE CASCADE)"), "0A000",
                "not supported yet: ON DELETE and ON UPDATE actions of foreign keys", 1, 36, 35);
        assertError(scriptError("CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES u (b) ON UPDATE SET NULL)"), "0A000",
                "not supported yet: ON DELETE and ON UPDATE actions of foreign keys", 1, 57, 56);
    }

    @Test
    void unsupportedClausesAreSyntaxErrorsAtTheirStart() {
        assertError(scriptError("INSERT INTO t OVERRIDING ALL VALUE VALUES (1)"), "42601", "syntax error at or near \"ALL\"", 1, 26, 25);
        assertError(scriptError("INSERT INTO t OVERRIDING any VALUE VALUES (1)"), "42601", "syntax error at or near \"any\"", 1, 26, 25);
        assertError(scriptError("SHOW TABLES \\"), "42601", "syntax error at or near \"\\\"", 1, 13, 12);
    }

    @Test
    void reservedWordsNeedQuotesAsNames() {
        assertError(scriptError("CREATE TABLE t (select INT)"), "42601", "syntax error at or near \"select\"", 1, 17, 16);
        assertThat(StatementParser.parse("CREATE TABLE t (\"select\" INT)")).isNotNull();
    }

    @Test
    void typeProblems() {
        assertError(scriptError("CREATE TABLE t (a FOO)"), "42704", "type \"foo\" does not exist", 1, 19, 18);
        assertError(scriptError("CREATE TABLE t (a TIMESTAMP WITH TIME ZONE)"), "0A000",
                "not supported yet: TIMESTAMP WITH TIME ZONE", 1, 19, 18);
        assertError(scriptError("CREATE TABLE t (a DECIMAL(0))"), "22023", "DECIMAL precision 0 must be at least 1", 1, 27, 26);
        assertError(scriptError("CREATE TABLE t (a DECIMAL(3,5))"), "22023", "DECIMAL scale 5 must be between 0 and precision 3",
                1, 29, 28);
        assertError(scriptError("CREATE TABLE t (a VARCHAR(0))"), "22023", "length for type varchar must be at least 1", 1, 27, 26);
        assertError(scriptError("CREATE TABLE t (a CHAR(99999999999))"), "22023", "type modifier 99999999999 is out of range",
                1, 24, 23);
        assertError(scriptError("CREATE TABLE t (a FLOAT(54))"), "22023", "precision for type float must be between 1 and 53 bits",
                1, 25, 24);
        assertError(scriptError("CREATE TABLE t (a VARCHAR(10, 2))"), "42601", "syntax error at or near \",\"", 1, 29, 28);
    }

    @Test
    void tableDefinitionProblems() {
        assertError(scriptError("CREATE TABLE t (a INT, A TEXT)"), "42701", "column \"a\" specified more than once", 1, 24, 23);
        assertError(scriptError("CREATE TABLE t (a INT NULL NOT NULL)"), "42601",
                "conflicting NULL/NOT NULL declarations for column \"a\" of table \"t\"", 1, 28, 27);
        assertError(scriptError("CREATE TABLE t (a INT DEFAULT 1 DEFAULT 2)"), "42601",
                "multiple default values specified for column \"a\" of table \"t\"", 1, 33, 32);
        assertError(scriptError("CREATE TABLE t (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))"), "42P16",
                "multiple primary keys for table \"t\" are not allowed", 1, 43, 42);
        assertError(scriptError("CREATE TABLE t (a INT, UNIQUE (b))"), "42703", "column \"b\" named in key does not exist", 1, 24, 23);
        assertError(scriptError("CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES u (x, y))"), "42830",
                "number of referencing and referenced columns for foreign key disagree", 1, 53, 52);
        assertError(scriptError("CREATE TABLE t (a INT) WITH (x = 1, X = 2)"), "22023", "parameter \"x\" specified more than once",
                1, 37, 36);
    }

    @Test
    void badNamesAndEscapes() {
        assertError(scriptError("CREATE TABLE \"\" (a INT)"), "42601", "zero-length delimited identifier at or near \"\"\"\"", 1, 14, 13);
        assertError(scriptError("COPY t FROM E'\\u12'"), "22025", "invalid Unicode escape: \\u needs 4 hexadecimal digits", 1, 13, 12);
    }

    @Test
    void parseTakesExactlyOneStatement() {
        assertThat(StatementParser.parse("SELECT 1;")).isNotNull();
        assertThatThrownBy(() -> StatementParser.parse("SELECT 1; SELECT 2"))
                .isInstanceOfSatisfying(ParseException.class, error -> assertError(error, "42601",
                        "expected one statement, but another begins at or near \"SELECT\"", 1, 11, 10));
        assertThatThrownBy(() -> StatementParser.parse(" -- nothing\n;"))
                .isInstanceOfSatisfying(ParseException.class, error -> assertError(error, "42601",
                        "empty statement: the text holds no SQL", 1, 1, 0));
        assertThat(StatementParser.parseScript(";;")).isEmpty();
    }

    @Test
    void nothingOfAScriptWithAnErrorIsReturned() {
        assertThatThrownBy(() -> StatementParser.parseScript("CREATE TABLE a (x INT); DROP TABLE; SELECT 1"))
                .isInstanceOfSatisfying(ParseException.class, error -> assertThat(error.column()).isEqualTo(35));
    }
}
