package io.basalt.server.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code make slt}: the big directories of SQLite's corpus ({@code index/}, {@code random/}), too big for
 * {@code make test}, with the pass rate printed per directory (and each failing record, with why, written to
 * {@code target/sqlite-corpus-survey-failures.txt}). It only measures; it fails on nothing but a broken harness. Runs only when {@code basalt.slt.directories} is set. Knobs (system properties):
 * <ul>
 *   <li>{@code basalt.slt.directories}: corpus directories under {@code test/}, comma-separated
 *       ({@code index,random});</li>
 *   <li>{@code basalt.slt.filesPerDirectory}: files run from each folder holding {@code .test} files (the first
 *       ones by number; 0 = all; default 1);</li>
 *   <li>{@code basalt.slt.queriesPerFile}: queries run from each file (the first ones; 0 = all; default 300);</li>
 *   <li>{@code basalt.slt.timeoutSeconds}: the time limit of each statement and query (default 10).</li>
 * </ul>
 * The full corpus is about 7 million queries, days at Basalt's planning speed today, hence the sampling defaults.
 */
@EnabledIfSystemProperty(named = "basalt.slt.directories", matches = ".+")
class SqliteCorpusSurveyTest {

    private static final Path REPORT = Path.of("target", "sqlite-corpus-survey.txt");
    /** Every failing record of the run, in the baseline's format (key, why, SQL), for classifying failures. */
    private static final Path FAILURES = Path.of("target", "sqlite-corpus-survey-failures.txt");

    @Test
    void survey() throws IOException, SQLException {
        int filesPerDirectory = Integer.getInteger("basalt.slt.filesPerDirectory", 1);
        int queriesPerFile = Integer.getInteger("basalt.slt.queriesPerFile", 300);
        SqliteCorpusFileRunner runner = new SqliteCorpusFileRunner("jdbc:basalt:mem:",
                Integer.getInteger("basalt.slt.timeoutSeconds", 10));
        List<String> lines = new ArrayList<>();
        lines.add("SQLite sqllogictest corpus on Basalt: " + (filesPerDirectory == 0 ? "all" : filesPerDirectory)
                + " file(s) per folder, " + (queriesPerFile == 0 ? "all" : "the first " + queriesPerFile)
                + " queries per file");
        CorpusTally total = CorpusTally.EMPTY;
        List<CorpusOutcome> outcomes = new ArrayList<>();
        for (String directory : System.getProperty("basalt.slt.directories").split(",")) {
            Map<String, CorpusTally> bySubdirectory = new LinkedHashMap<>();
            for (String file : sample(SqliteCorpusFiles.under("test/" + directory.strip()), filesPerDirectory)) {
                List<CorpusOutcome> fileOutcomes = runner.run(file, queriesPerFile == 0 ? Integer.MAX_VALUE
                        : queriesPerFile);
                outcomes.addAll(fileOutcomes);
                CorpusTally tally = CorpusTally.of(fileOutcomes);
                System.out.println(tally.describe(file));
                bySubdirectory.merge(subdirectory(file), tally, CorpusTally::plus);
            }
            CorpusTally directoryTotal = bySubdirectory.values().stream().reduce(CorpusTally.EMPTY, CorpusTally::plus);
            bySubdirectory.forEach((name, tally) -> lines.add(tally.describe(name)));
            lines.add(directoryTotal.describe(directory.strip() + "/ (all)"));
            total = total.plus(directoryTotal);
        }
        lines.add(total.describe("total"));
        System.out.println(String.join("\n", lines));
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, lines, StandardCharsets.UTF_8);
        Files.deleteIfExists(FAILURES);
        CorpusBaseline.write(FAILURES, List.of("Failing records of the last make slt run: <file>:<n> TAB why TAB SQL"),
                Set.of(), outcomes);
    }

    /** The first {@code count} files of each folder ({@code files} come sorted by folder, then number). */
    private static List<String> sample(List<String> files, int count) {
        Map<String, List<String>> byFolder = new LinkedHashMap<>();
        for (String file : files) {
            byFolder.computeIfAbsent(file.substring(0, file.lastIndexOf('/')), folder -> new ArrayList<>()).add(file);
        }
        return byFolder.values().stream()
                .flatMap(folder -> count == 0 ? folder.stream() : folder.stream().limit(count))
                .toList();
    }

    /** {@code test/index/between/10/slt_good_0.test} → {@code index/between}; {@code random/expr} likewise. */
    private static String subdirectory(String file) {
        String[] parts = file.split("/");
        return Stream.of(parts).skip(1).limit(Math.max(1, Math.min(2, parts.length - 2)))
                .reduce((a, b) -> a + "/" + b).orElse(file);
    }
}
