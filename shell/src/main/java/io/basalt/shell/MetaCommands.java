package io.basalt.shell;

import io.basalt.shell.input.MetaCommand;
import io.basalt.shell.input.MetaCommandKind;
import io.basalt.shell.render.ExpandedMode;
import io.basalt.shell.render.OutputMode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the backslash commands: settings ({@code \timing}, {@code \x}, {@code \mode}), where results go
 * ({@code \o}), scripts ({@code \i}), connections ({@code \c}), the editor ({@code \e}), help and quit. The
 * catalog listings ({@code \d…}) are {@link CatalogCommands}.
 */
final class MetaCommands {

    /** {@code \i} may nest (a script including another), but a script including itself must stop somewhere. */
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final ShellSession session;
    private final CatalogCommands catalogCommands;
    private int includeDepth;

    MetaCommands(ShellSession session) {
        this.session = session;
        this.catalogCommands = new CatalogCommands(session);
    }

    Outcome run(MetaCommand command) {
        Optional<MetaCommandKind> kind = MetaCommandKind.named(command.name());
        if (kind.isEmpty()) {
            return failure("unknown meta-command " + command.name() + " (\\help lists them)");
        }
        String argument = command.argument();
        return switch (kind.get()) {
            case DESCRIBE -> argument.isEmpty() ? catalogCommands.listTables("") : catalogCommands.describe(argument);
            case LIST_TABLES -> catalogCommands.listTables(argument);
            case LIST_VIEWS -> catalogCommands.listRelations("VIEW", "views");
            case LIST_MATERIALIZED_VIEWS -> catalogCommands.listRelations("MATERIALIZED VIEW", "materialized views");
            case LIST_INDEXES -> catalogCommands.listIndexes();
            case LIST_SCHEMAS -> catalogCommands.listSchemas();
            case TIMING -> timing(argument);
            case EXPANDED -> expanded(argument);
            case MODE -> mode(argument);
            case OUTPUT -> output(argument);
            case INCLUDE -> include(argument);
            case CONNECT -> connect(argument);
            case EDIT -> edit();
            case HELP -> help();
            case QUIT -> Outcome.QUIT;
        };
    }

    private Outcome timing(String argument) {
        Optional<Boolean> on = onOff(argument, !session.settings().timing());
        if (on.isEmpty()) {
            return failure("\\timing takes on or off");
        }
        session.settings().timing(on.get());
        return message("Timing is " + (on.get() ? "on." : "off."));
    }

    private Outcome expanded(String argument) {
        ExpandedMode mode;
        if (argument.isEmpty()) {
            mode = session.settings().expanded() == ExpandedMode.ON ? ExpandedMode.OFF : ExpandedMode.ON;
        } else if (argument.equalsIgnoreCase("auto")) {
            mode = ExpandedMode.AUTO;
        } else {
            Optional<Boolean> on = onOff(argument, false);
            if (on.isEmpty()) {
                return failure("\\x takes on, off or auto");
            }
            mode = on.get() ? ExpandedMode.ON : ExpandedMode.OFF;
        }
        session.settings().expanded(mode);
        return message("Expanded display is " + mode.name().toLowerCase(Locale.ROOT) + ".");
    }

    private Outcome mode(String argument) {
        if (argument.isEmpty()) {
            return message("Output mode is " + session.settings().mode().displayName() + ".");
        }
        Optional<OutputMode> mode = OutputMode.named(argument);
        if (mode.isEmpty()) {
            return failure("unknown mode '" + argument + "'; use one of " + String.join(", ", OutputMode.displayNames()));
        }
        session.settings().mode(mode.get());
        return message("Output mode is " + mode.get().displayName() + ".");
    }

    private Outcome output(String argument) {
        if (argument.isEmpty()) {
            session.resultFile(null);
            return message("Results go to the screen.");
        }
        Path path = HomePaths.expand(argument);
        try {
            PrintWriter writer = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
            session.resultFile(new ResultFile(path, writer));
        } catch (IOException e) {
            return failure("cannot write " + path + ": " + e.getMessage());
        }
        return message("Results go to " + path + " (\\o alone: back to the screen).");
    }

    private Outcome include(String argument) {
        if (argument.isEmpty()) {
            return failure("\\i needs a file name");
        }
        if (includeDepth >= MAX_INCLUDE_DEPTH) {
            return failure("\\i nested more than " + MAX_INCLUDE_DEPTH + " deep; does a script include itself?");
        }
        Path path = HomePaths.expand(argument);
        includeDepth++;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new ScriptRunner(session).run(reader);
        } catch (IOException e) {
            return failure("cannot read " + path + ": " + e.getMessage());
        } finally {
            includeDepth--;
        }
    }

    private Outcome connect(String argument) {
        if (argument.isEmpty()) {
            return message("Connected to " + session.target().description() + ".");
        }
        ConnectionTarget target = ConnectionTarget.parse(argument);
        Connection connection;
        try {
            connection = target.open();
        } catch (SQLException e) {
            ErrorPrinter.print(session.messages(), session.console().styles(), null, e);
            return message("Still connected to " + session.target().description() + ".", Outcome.FAILED);
        }
        session.use(connection, target);
        return message("Connected to " + target.description() + ".");
    }

    private Outcome edit() {
        if (!session.console().interactive()) {
            return failure("\\e needs a terminal");
        }
        String text = session.pendingStatement().isEmpty() ? session.lastStatement() + ";" : session.pendingStatement();
        try {
            String edited = ExternalEditor.edit(session.console().terminal(), text.equals(";") ? "" : text);
            session.nextInput(edited.strip());
            return Outcome.OK;
        } catch (IOException e) {
            return failure("the editor failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted while the editor ran");
        }
    }

    private Outcome help() {
        PrintWriter out = session.messages();
        out.println("SQL statements end with ';' and may span lines: SELECT, CREATE TABLE, INSERT, COPY, EXPLAIN,");
        out.println("SHOW, DESCRIBE, SET, … Tab completes, Ctrl-R searches history, Ctrl-C cancels a running query.");
        out.println();
        out.println("Meta-commands:");
        for (MetaCommandKind kind : MetaCommandKind.values()) {
            String synopsis = kind.primaryName() + (kind.usage().isEmpty() ? "" : " " + kind.usage());
            out.printf("  %-22s %s%n", synopsis, kind.description());
        }
        return Outcome.OK;
    }

    private static Optional<Boolean> onOff(String argument, boolean whenEmpty) {
        if (argument.isEmpty()) {
            return Optional.of(whenEmpty);
        }
        if (argument.equalsIgnoreCase("on")) {
            return Optional.of(true);
        }
        return argument.equalsIgnoreCase("off") ? Optional.of(false) : Optional.empty();
    }

    private Outcome message(String text) {
        return message(text, Outcome.OK);
    }

    private Outcome message(String text, Outcome outcome) {
        session.messages().println(text);
        return outcome;
    }

    private Outcome failure(String text) {
        session.messages().println(session.console().styles().error("ERROR:") + " " + text);
        return Outcome.FAILED;
    }
}
