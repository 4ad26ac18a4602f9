package io.basalt.shell;

import io.basalt.shell.render.OutputMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line of {@code basalt shell}. */
record ShellOptions(ConnectionTarget target, List<ScriptSource> scripts, OutputMode format, boolean echo, boolean help) {

    static final String USAGE = """
            Usage: basalt shell [--data DIR | --url URL] [-c SQL]... [-f FILE]... [--format FORMAT] [--echo]

              --data DIR        embedded database in DIR (default ./basalt-data; created if missing)
              --url URL         connect to a JDBC URL instead: jdbc:basalt:file:DIR, jdbc:basalt:mem:,
                                jdbc:basalt://HOST:PORT/
              -c SQL            run SQL (statements and meta-commands) and exit; may be repeated
              -f FILE           run the commands in FILE and exit; may be repeated, runs in order with -c
              --format FORMAT   table (default), csv, json, markdown or line
              --echo            print each command before running it
              -h, --help        this help

            Without -c or -f the shell reads standard input: interactively on a terminal, else as a
            script. A script's exit status is 1 when any statement failed.""";

    /** One {@code -c} text or {@code -f} file, run in the order given. */
    record ScriptSource(Optional<String> text, Optional<Path> file) {
    }

    ShellOptions {
        scripts = List.copyOf(scripts);
    }

    /** @throws IllegalArgumentException with a message for the user when the command line is wrong */
    static ShellOptions parse(String[] args) {
        Path data = null;
        String url = null;
        List<ScriptSource> scripts = new ArrayList<>();
        OutputMode format = OutputMode.TABLE;
        boolean echo = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "-h", "--help" -> {
                    return new ShellOptions(ConnectionTarget.directory(Path.of("basalt-data")), List.of(), format, false, true);
                }
                case "--echo", "-e" -> echo = true;
                case "--data" -> data = Path.of(value(args, ++i, option));
                case "--url" -> url = value(args, ++i, option);
                case "-c" -> scripts.add(new ScriptSource(Optional.of(value(args, ++i, option)), Optional.empty()));
                case "-f" -> scripts.add(new ScriptSource(Optional.empty(), Optional.of(HomePaths.expand(value(args, ++i, option)))));
                case "--format" -> {
                    String name = value(args, ++i, option);
                    format = OutputMode.named(name).orElseThrow(() -> new IllegalArgumentException(
                            "unknown format '" + name + "'; use one of " + String.join(", ", OutputMode.displayNames())));
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (data != null && url != null) {
            throw new IllegalArgumentException("--data and --url cannot be used together");
        }
        ConnectionTarget target = url != null ? ConnectionTarget.url(url)
                : ConnectionTarget.directory(data != null ? data : Path.of("basalt-data"));
        return new ShellOptions(target, scripts, format, echo, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
