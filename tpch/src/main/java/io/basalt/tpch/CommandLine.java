package io.basalt.tpch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code basalt tpch [COMMAND] [OPTIONS]} into {@link TpchOptions}; a bad line throws with the reason. */
final class CommandLine {

    private static final Pattern MEMORY_SIZE = Pattern.compile("(?i)[0-9]+(\\.[0-9]+)? ?(KB|MB|GB|TB|KIB|MIB|GIB|TIB)");

    static final Set<String> COMMANDS = Set.of("all", "generate", "load", "run", "validate", "refresh", "concurrency");

    private CommandLine() {
    }

    /** The options, or null when the line asks for help. */
    static TpchOptions parse(String[] args) {
        TpchOptions options = new TpchOptions();
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("-")) {
            if (!COMMANDS.contains(args[0])) {
                throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            }
            options.command = args[0];
            i = 1;
        }
        for (; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--from-generator" -> {
                    options.fromGenerator = true;
                    continue;
                }
                case "--warm-up" -> {
                    options.warmUp = true;
                    continue;
                }
                default -> {
                    // an option with a value, below
                }
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--sf" -> options.scaleFactor = scaleFactor(value);
                case "--data", "--out" -> options.dataDirectory = Path.of(value);
                case "--url" -> options.url = value;
                case "--compare" -> options.compareUrl = value;
                case "--drivers" -> options.driverPaths.addAll(TpchOptions.splitPaths(value));
                case "--runs" -> options.hotRuns = nonNegative(arg, value);
                case "--queries" -> options.queries = queries(value);
                case "--threads" -> options.threads = positive(arg, value);
                case "--memory-limit" -> options.memoryLimit = memoryLimit(value);
                case "--answers" -> options.answersDirectory = Path.of(value);
                case "--json" -> options.jsonFile = Path.of(value);
                case "--chart" -> options.chartFile = Path.of(value);
                case "--clients" -> options.clients = positive(arg, value);
                case "--duration" -> options.durationSeconds = positive(arg, value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (options.fromGenerator && !(options.command.equals("load") || options.command.equals("all"))) {
            throw new IllegalArgumentException("--from-generator applies to load (and to the default command) only");
        }
        if (options.command.equals("concurrency") && options.compareUrl != null) {
            throw new IllegalArgumentException("--compare does not apply to concurrency: it loads one database");
        }
        return options;
    }

    private static String scaleFactor(String value) {
        double scaleFactor;
        try {
            scaleFactor = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sf needs a number, got '" + value + "'");
        }
        // The generators cut tables by SF × base rows; below 0.001 tables would be empty.
        if (!(scaleFactor >= 0.001 && scaleFactor <= 100_000)) {
            throw new IllegalArgumentException("--sf must be from 0.001 to 100000, got " + value);
        }
        return value;
    }

    /** A size as {@code SET memory_limit} takes it on Basalt and DuckDB alike: a number and a unit, e.g. 8GB. */
    private static String memoryLimit(String value) {
        String size = value.trim();
        if (!MEMORY_SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("--memory-limit takes a size such as 8GB or 512MB, got '" + value + "'");
        }
        return size;
    }

    private static List<Integer> queries(String list) {
        List<Integer> queries = new ArrayList<>();
        for (String part : list.split(",")) {
            int query;
            try {
                query = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--queries takes numbers such as 1,6,14, got '" + part.trim() + "'");
            }
            if (query < 1 || query > TpchQueries.COUNT) {
                throw new IllegalArgumentException("there is no TPC-H query " + query);
            }
            queries.add(query);
        }
        return queries;
    }

    private static int nonNegative(String option, String value) {
        int number = integer(option, value);
        if (number < 0) {
            throw new IllegalArgumentException(option + " must be 0 or more, got " + value);
        }
        return number;
    }

    private static int positive(String option, String value) {
        int number = integer(option, value);
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be 1 or more, got " + value);
        }
        return number;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }
}
