package io.basalt.shell.input;

import io.basalt.shell.render.OutputMode;

import java.util.List;
import java.util.Optional;

/**
 * Every meta-command the shell knows, in the order {@code \help} lists them: its names, what its argument
 * is (so Tab can complete it) and a one-line description.
 */
public enum MetaCommandKind {
    DESCRIBE(List.of("\\d"), "[NAME]", "describe a table: columns, keys, partitions, indexes",
            ArgumentKind.TABLE),
    LIST_TABLES(List.of("\\dt"), "[SCHEMA|PATTERN]", "list tables (of a schema, or matching ord*)",
            ArgumentKind.SCHEMA),
    LIST_VIEWS(List.of("\\dv"), "", "list views", ArgumentKind.NONE),
    LIST_MATERIALIZED_VIEWS(List.of("\\dm"), "", "list materialized views", ArgumentKind.NONE),
    LIST_INDEXES(List.of("\\di"), "", "list indexes", ArgumentKind.NONE),
    LIST_SCHEMAS(List.of("\\dn"), "", "list schemas", ArgumentKind.NONE),
    TIMING(List.of("\\timing"), "[on|off]", "show how long each statement takes", ArgumentKind.CHOICE,
            List.of("on", "off")),
    EXPANDED(List.of("\\x"), "[on|off|auto]", "vertical display (auto: when a table is too wide)",
            ArgumentKind.CHOICE, List.of("on", "off", "auto")),
    MODE(List.of("\\mode"), "MODE", "output as table, csv, json, markdown or line", ArgumentKind.CHOICE,
            OutputMode.displayNames()),
    OUTPUT(List.of("\\o"), "[FILE]", "send results to FILE (no FILE: to the screen)", ArgumentKind.FILE),
    INCLUDE(List.of("\\i"), "FILE", "run the commands in FILE", ArgumentKind.FILE),
    CONNECT(List.of("\\c", "\\connect"), "URL|DIR", "connect to a JDBC URL or a data directory", ArgumentKind.NONE),
    EDIT(List.of("\\e"), "", "edit the current or last statement in $EDITOR", ArgumentKind.NONE),
    HELP(List.of("\\help", "\\?", "\\h"), "", "this help", ArgumentKind.NONE),
    QUIT(List.of("\\q", "\\quit"), "", "quit (or Ctrl-D, or Ctrl-C twice)", ArgumentKind.NONE);

    /** What a meta-command's argument is, for completion. */
    public enum ArgumentKind { NONE, TABLE, SCHEMA, FILE, CHOICE }

    private final List<String> names;
    private final String usage;
    private final String description;
    private final ArgumentKind argumentKind;
    private final List<String> choices;

    MetaCommandKind(List<String> names, String usage, String description, ArgumentKind argumentKind) {
        this(names, usage, description, argumentKind, List.of());
    }

    MetaCommandKind(List<String> names, String usage, String description, ArgumentKind argumentKind, List<String> choices) {
        this.names = names;
        this.usage = usage;
        this.description = description;
        this.argumentKind = argumentKind;
        this.choices = choices;
    }

    public static Optional<MetaCommandKind> named(String name) {
        for (MetaCommandKind kind : values()) {
            if (kind.names.contains(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The main name, as {@code \help} shows it. */
    public String primaryName() {
        return names.get(0);
    }

    public String usage() {
        return usage;
    }

    public String description() {
        return description;
    }

    public ArgumentKind argumentKind() {
        return argumentKind;
    }

    /** The words a {@link ArgumentKind#CHOICE} argument takes. */
    public List<String> choices() {
        return choices;
    }
}
