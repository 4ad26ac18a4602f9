package io.basalt.server.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checked-in list of corpus records that are known to fail, one a line: {@code <key> TAB <why> TAB <sql>}.
 * Only the key counts when comparing (the reason and the SQL are there for a reader); lines starting with
 * {@code #} are comments. A record that fails and is not listed is a regression.
 */
final class CorpusBaseline {

    /** SQL longer than this is cut in the file: the key finds the full text in the corpus. */
    private static final int SQL_SHOWN = 160;

    private final Set<String> keys;

    private CorpusBaseline(Set<String> keys) {
        this.keys = keys;
    }

    static CorpusBaseline read(Path file) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    keys.add(tab < 0 ? line.strip() : line.substring(0, tab));
                }
            }
        }
        return new CorpusBaseline(keys);
    }

    boolean lists(String key) {
        return keys.contains(key);
    }

    /**
     * Writes the failures among {@code outcomes} as the new baseline, under a header of comment lines. Lines of
     * the old baseline for files that did not run (other than those in {@code filesRun}) are kept.
     */
    static void write(Path file, List<String> header, Set<String> filesRun, Collection<CorpusOutcome> outcomes)
            throws IOException {
        List<String> lines = new ArrayList<>();
        for (String comment : header) {
            lines.add("# " + comment);
        }
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#") && !filesRun.contains(fileOf(line))) {
                    lines.add(line);
                }
            }
        }
        for (CorpusOutcome outcome : outcomes) {
            if (!outcome.passed()) {
                lines.add(outcome.key() + "\t" + oneLine(outcome.failure()) + "\t" + shown(outcome.sql()));
            }
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** The file part of a baseline line's key ({@code select1.test} of {@code select1.test:17}). */
    static String fileOf(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }

    private static String shown(String sql) {
        String line = oneLine(sql);
        return line.length() <= SQL_SHOWN ? line : line.substring(0, SQL_SHOWN) + " …";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
