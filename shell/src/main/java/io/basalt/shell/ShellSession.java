package io.basalt.shell;

import io.basalt.server.Database;

import java.io.PrintWriter;

/**
 * Runs what the user typed: meta-commands ({@code \…}) and SQL statements. SQL execution arrives with the
 * query engine; until then every statement is refused loudly with SQLSTATE 0A000, never ignored.
 */
final class ShellSession {

    /** What a line asked for, so the input loop knows whether to go on. */
    enum Outcome { OK, FAILED, QUIT }

    private final Database database;
    private final PrintWriter out;
    private final CatalogCommands catalog;

    ShellSession(Database database, PrintWriter out) {
        this.database = database;
        this.out = out;
        this.catalog = new CatalogCommands(database, out);
    }

    void printBanner() {
        out.println("Basalt shell on " + database.directory() + " (catalog version " + database.storage().current().version() + ")");
        for (String warning : database.storage().openWarnings()) {
            out.println("WARNING: " + warning);
        }
        out.println("Type \\help for help, \\q to quit.");
        out.flush();
    }

    Outcome metaCommand(String line) {
        String[] words = line.trim().split("\\s+", 2);
        String argument = words.length > 1 ? words[1].trim() : "";
        try {
            switch (words[0]) {
                case "\\q", "\\quit" -> {
                    return Outcome.QUIT;
                }
                case "\\help", "\\?" -> printHelp();
                case "\\dt" -> catalog.listTables();
                case "\\dn" -> catalog.listSchemas();
                case "\\d" -> {
                    if (argument.isEmpty()) {
                        catalog.listTables();
                    } else {
                        catalog.describe(argument);
                    }
                }
                default -> {
                    out.println("ERROR: unknown meta-command " + words[0] + " (\\help lists them)");
                    return Outcome.FAILED;
                }
            }
            return Outcome.OK;
        } finally {
            out.flush();
        }
    }

    Outcome statement(String sql) {
        out.println("ERROR 0A000: not supported yet: SQL statements arrive with the query engine; this build has the "
                + "storage engine only (\\help lists what works)");
        out.flush();
        return Outcome.FAILED;
    }

    private void printHelp() {
        out.println("""
                Meta-commands:
                  \\dt          list tables (rows, segments, bytes on disk)
                  \\d NAME      describe a table: columns, constraints, partitions
                  \\dn          list schemas
                  \\help        this help
                  \\q           quit
                SQL statements end with ';'. SQL execution arrives with the query engine.""");
    }
}
