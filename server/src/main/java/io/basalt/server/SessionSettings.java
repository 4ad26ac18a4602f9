package io.basalt.server;

import io.basalt.parser.ast.OptionValue;
import io.basalt.storage.commit.Manifest;

import io.basalt.optimizer.catalog.RuntimeTable;

import java.util.List;
import java.util.Locale;

/**
 * The settings a session changes with {@code SET}: the current schema ({@code schema} or {@code search_path}),
 * worker threads per query ({@code threads}) and the per-query memory budget ({@code memory_limit}, e.g.
 * {@code '8GB'}) and whether the session refuses writes ({@code default_transaction_read_only}, PostgreSQL's name; see
 * {@link ReadOnlySessions}). {@code SET x TO DEFAULT} restores a default.
 */
public final class SessionSettings {

    private final int defaultThreads;
    private long defaultMemoryLimit;
    private String schema = Manifest.DEFAULT_SCHEMA;
    private int threads;
    private long memoryLimitBytes;
    private boolean readOnly;
    private boolean indexScans = true;
    private List<RuntimeTable> systemTables = List.of();

    public SessionSettings(int defaultThreads, long defaultMemoryLimit) {
        this.defaultThreads = defaultThreads;
        this.defaultMemoryLimit = defaultMemoryLimit;
        this.threads = defaultThreads;
        this.memoryLimitBytes = defaultMemoryLimit;
    }

    public String schema() {
        return schema;
    }

    public int threads() {
        return threads;
    }

    public long memoryLimitBytes() {
        return memoryLimitBytes;
    }

    /**
     * Makes {@code bytes} the memory limit of this session and what {@code SET memory_limit TO DEFAULT} restores:
     * for an embedded connection's {@code memory_limit} property.
     */
    public void useDefaultMemoryLimit(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("memory limit must be positive");
        }
        defaultMemoryLimit = bytes;
        memoryLimitBytes = bytes;
    }

    /** Whether queries may read indexes instead of tables ({@code enable_indexscan}, as PostgreSQL's setting). */
    public boolean indexScans() {
        return indexScans;
    }

    /** Whether statements that write are refused (25006). */
    public boolean readOnly() {
        return readOnly;
    }

    /** Every setting with its current value and what it does: the rows of basalt_settings, which SHOW reads. */
    public List<List<Object>> rows() {
        return List.of(
                List.of("enable_indexscan", indexScans ? "on" : "off",
                        "whether queries may read an index instead of its table (results are the same)"),
                List.of("memory_limit", formatBytes(memoryLimitBytes), "memory one query may use (e.g. 8GB)"),
                List.of("schema", schema, "the schema unqualified names resolve in (same as search_path)"),
                List.of("search_path", schema, "the schema unqualified names resolve in (same as schema)"),
                List.of("threads", Integer.toString(threads), "worker threads per query"));
    }

    /** The system tables this session's queries can read (information_schema.basalt_settings, …). */
    public List<RuntimeTable> systemTables() {
        return systemTables;
    }

    public void useSystemTables(List<RuntimeTable> tables) {
        systemTables = List.copyOf(tables);
    }

    /** A size as users write it: the largest unit that divides it exactly (8GB, 512MB, 1000kB), else bytes. */
    static String formatBytes(long bytes) {
        String[] units = {"TB", "GB", "MB", "kB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + "B";
    }

    public void set(String name, OptionValue value, Manifest catalog) {
        boolean reset = value.kind() == OptionValue.Kind.DEFAULT;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "schema", "search_path" -> {
                String newSchema = reset ? Manifest.DEFAULT_SCHEMA : value.text();
                if (!catalog.hasSchema(newSchema)) {
                    throw new StatementException("3F000", "schema \"" + newSchema + "\" does not exist");
                }
                schema = newSchema;
            }
            case "threads" -> threads = reset ? defaultThreads : positiveInteger(name, value.text());
            case "memory_limit" -> memoryLimitBytes = reset ? defaultMemoryLimit : parseBytes(value.text());
            case "default_transaction_read_only" -> readOnly = !reset && booleanValue(name, value);
            case "enable_indexscan" -> indexScans = reset || booleanValue(name, value);
            default -> throw new StatementException("42704", "unrecognized configuration parameter \"" + name
                    + "\" (known: schema, search_path, threads, memory_limit, default_transaction_read_only, "
                    + "enable_indexscan)");
        }
    }

    /**
     * {@code RESET ALL}: every setting back to its default. The schema comes last: it is the only one that can fail (its
     * default schema dropped, 3F000), and then the others are reset already.
     */
    public void resetAll(Manifest catalog) {
        for (String name : List.of("threads", "memory_limit", "default_transaction_read_only", "enable_indexscan", "schema")) {
            set(name, OptionValue.toDefault(), catalog);
        }
    }

    private static boolean booleanValue(String name, OptionValue value) {
        try {
            return value.asBoolean();
        } catch (IllegalArgumentException e) {
            throw new StatementException("22023", "parameter \"" + name + "\" requires a Boolean value");
        }
    }

    private static int positiveInteger(String name, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StatementException("22023", name + " must be a positive integer, got \"" + text + "\"");
    }

    /**
     * Sizes as DuckDB and PostgreSQL users write them: {@code 8GB}, {@code 512 MB}, {@code 1.5GiB}, plain bytes; also
     * what {@code basalt server --memory-limit} and the embedded URL property {@code memory_limit} accept.
     */
    public static long parseBytes(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        int split = 0;
        while (split < normalized.length() && (Character.isDigit(normalized.charAt(split)) || normalized.charAt(split) == '.')) {
            split++;
        }
        String unit = normalized.substring(split);
        long multiplier = switch (unit) {
            case "", "B" -> 1L;
            case "KB", "KIB", "K" -> 1L << 10;
            case "MB", "MIB", "M" -> 1L << 20;
            case "GB", "GIB", "G" -> 1L << 30;
            case "TB", "TIB", "T" -> 1L << 40;
            default -> -1L;
        };
        try {
            double amount = Double.parseDouble(normalized.substring(0, split));
            if (multiplier > 0 && amount > 0) {
                return (long) (amount * multiplier);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StatementException("22023", "invalid memory size \"" + text + "\" (examples: '8GB', '512MB')");
    }
}
