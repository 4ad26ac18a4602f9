package io.basalt.shell.input;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputSplitterTest {

    private static List<Command> feed(InputSplitter splitter, String... lines) {
        List<Command> commands = new ArrayList<>();
        for (String line : lines) {
            commands.addAll(splitter.addLine(line));
        }
        return commands;
    }

    @Test
    void semicolonsInsideStringsQuotedNamesCommentsAndDollarQuotesDoNotEndAStatement() {
        InputSplitter splitter = new InputSplitter();
        assertThat(feed(splitter, "SELECT 'a;b', \"c;d\" -- e;f")).isEmpty();
        assertThat(splitter.pendingStatement()).isNotEmpty();
        assertThat(feed(splitter, "/* g; */ , $$h;i$$, E'j\\';k' FROM t; SELECT 2;")).containsExactly(
                new SqlCommand("SELECT 'a;b', \"c;d\" -- e;f\n/* g; */ , $$h;i$$, E'j\\';k' FROM t"),
                new SqlCommand("SELECT 2"));
        assertThat(splitter.pendingStatement()).isEmpty();
    }

    @Test
    void aStatementContinuesOverLinesUntilItsSemicolon() {
        InputSplitter splitter = new InputSplitter();
        assertThat(feed(splitter, "SELECT 'it''s", "fine';  SELECT")).containsExactly(new SqlCommand("SELECT 'it''s\nfine'"));
        assertThat(splitter.pendingStatement()).isEqualTo("SELECT");
        assertThat(splitter.finish()).containsExactly(new SqlCommand("SELECT"));
        assertThat(splitter.pendingStatement()).isEmpty();
    }

    @Test
    void emptyStatementsAndLoneCommentsAreNothing() {
        InputSplitter splitter = new InputSplitter();
        assertThat(feed(splitter, " ; ;; ", "-- just a comment", "")).isEmpty();
        assertThat(splitter.pendingStatement()).isEmpty();
        assertThat(splitter.finish()).isEmpty();
    }

    @Test
    void aLineStartingWithABackslashIsAMetaCommandWithoutItsSemicolon() {
        InputSplitter splitter = new InputSplitter();
        assertThat(feed(splitter, "  \\dt main;", "\\timing")).containsExactly(
                new MetaCommand("\\dt", "main", "\\dt main;"), new MetaCommand("\\timing", "", "\\timing"));
    }

    @Test
    void aMetaCommandLeavesAPendingStatementPending() {
        InputSplitter splitter = new InputSplitter();
        assertThat(feed(splitter, "SELECT *", "\\timing off", "FROM t;")).containsExactly(
                new MetaCommand("\\timing", "off", "\\timing off"), new SqlCommand("SELECT *\nFROM t"));
    }

    @Test
    void aBackslashLineInsideAnOpenStringOrCommentIsText() {
        InputSplitter splitter = new InputSplitter();
        assertThat(feed(splitter, "SELECT 'one", "\\two';")).containsExactly(new SqlCommand("SELECT 'one\n\\two'"));
        assertThat(feed(splitter, "SELECT 1 /* one", "\\two */ + 2;")).containsExactly(new SqlCommand("SELECT 1 /* one\n\\two */ + 2"));
    }

    @Test
    void windowsLineEndsAreDropped() {
        assertThat(feed(new InputSplitter(), "SELECT 1;\r")).containsExactly(new SqlCommand("SELECT 1"));
    }

    @Test
    void aBufferIsCompleteWhenEveryStatementIsTerminatedOrItEndsWithAMetaCommand() {
        assertThat(InputSplitter.isComplete("SELECT 1;")).isTrue();
        assertThat(InputSplitter.isComplete("SELECT 1")).isFalse();
        assertThat(InputSplitter.isComplete("SELECT ';")).isFalse();
        assertThat(InputSplitter.isComplete("SELECT 1; /* open")).isFalse();
        assertThat(InputSplitter.isComplete("SELECT 1; -- done")).isTrue();
        assertThat(InputSplitter.isComplete("")).isTrue();
        assertThat(InputSplitter.isComplete("\\dt")).isTrue();
        assertThat(InputSplitter.isComplete("SELECT *\n\\e")).isTrue();
    }

    @Test
    void splittingABufferKeepsTheUnfinishedStatement() {
        SplitInput input = InputSplitter.split("SELECT 1;\nSELECT *\n\\e");
        assertThat(input.commands()).containsExactly(new SqlCommand("SELECT 1"), new MetaCommand("\\e", "", "\\e"));
        assertThat(input.pendingStatement()).isEqualTo("SELECT *");
        assertThat(input.endsWithMetaCommand()).isTrue();
    }
}
