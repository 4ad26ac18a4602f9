package io.basalt.shell;

import io.basalt.jdbc.spi.BasaltSQLException;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs what the user typed, as a JDBC client: SQL statements, and meta-commands ({@code \…}) that are
 * shorthands for SQL ({@code \dt} is {@code SHOW TABLES}). A failing statement prints its SQLSTATE, message
 * and, when the error has a position, a caret under it; the shell itself carries on.
 */
final class ShellSession {

    /** What a line asked for, so the input loop knows whether to go on. */
    enum Outcome { OK, FAILED, QUIT }

    private final Connection connection;
    private final String description;
    private final PrintWriter out;
    private boolean timing = true;

    ShellSession(Connection connection, String description, PrintWriter out) {
        this.connection = connection;
        this.description = description;
        this.out = out;
    }

    void printBanner() {
        out.println("Basalt shell on " + description);
        out.println("Type \\help for help, \\q to quit. Statements end with ';'.");
        out.flush();
    }

    Outcome metaCommand(String line) {
        String[] words = line.trim().split("\\s+", 2);
        String argument = words.length > 1 ? words[1].trim() : "";
        switch (words[0]) {
            case "\\q", "\\quit" -> {
                return Outcome.QUIT;
            }
            case "\\help", "\\?" -> {
                printHelp();
                return Outcome.OK;
            }
            case "\\dt" -> {
                return statement(argument.isEmpty() ? "SHOW TABLES" : "SHOW TABLES FROM " + argument);
            }
            case "\\dn" -> {
                return statement("SHOW SCHEMAS");
            }
            case "\\d" -> {
                return statement(argument.isEmpty() ? "SHOW TABLES" : "DESCRIBE " + argument);
            }
            case "\\timing" -> {
                timing = argument.isEmpty() ? !timing : argument.equalsIgnoreCase("on");
                out.println("Timing is " + (timing ? "on." : "off."));
                out.flush();
                return Outcome.OK;
            }
            default -> {
                out.println("ERROR: unknown meta-command " + words[0] + " (\\help lists them)");
                out.flush();
                return Outcome.FAILED;
            }
        }
    }

    Outcome statement(String sql) {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet result = statement.getResultSet()) {
                    ResultPrinter.print(result, out);
                }
            } else {
                out.println("OK" + (statement.getLargeUpdateCount() > 0 ? ", " + statement.getLargeUpdateCount() + " rows" : ""));
            }
            if (timing) {
                out.printf("Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
            }
            return Outcome.OK;
        } catch (SQLException e) {
            printError(sql, e);
            return Outcome.FAILED;
        } finally {
            out.flush();
        }
    }

    private void printError(String sql, SQLException error) {
        out.println("ERROR " + error.getSQLState() + ": " + error.getMessage());
        if (error instanceof BasaltSQLException positioned && positioned.getPosition().isPresent()) {
            int line = positioned.getPosition().get().line();
            int column = positioned.getPosition().get().column();
            String[] lines = sql.split("\n", -1);
            if (line >= 1 && line <= lines.length) {
                out.println("LINE " + line + ": " + lines[line - 1]);
                out.println(" ".repeat(("LINE " + line + ": ").length() + Math.max(0, column - 1)) + "^");
            }
        }
    }

    private void printHelp() {
        out.println("""
                SQL statements end with ';' (SELECT, CREATE TABLE, INSERT, COPY, EXPLAIN, SHOW, DESCRIBE, SET, …).
                Meta-commands:
                  \\dt [SCHEMA]  list tables
                  \\d NAME       describe a table
                  \\dn           list schemas
                  \\timing [on|off]  show how long each statement takes (on by default)
                  \\help         this help
                  \\q            quit""");
    }
}
