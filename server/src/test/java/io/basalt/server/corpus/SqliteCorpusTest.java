package io.basalt.server.corpus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite's sqllogictest corpus, the part that runs in {@code make test}: {@code select1}–{@code select5} and
 * {@code evidence/}, each file on a fresh {@code jdbc:basalt:mem:} database.
 *
 * <p>Not every record passes yet. Those that fail today are listed in {@link #BASELINE}; a file fails when a
 * record that is not listed there fails (a regression). Records of the baseline that pass now are reported, not
 * failed on (so that fixing a bug elsewhere never breaks this test); {@code -Dbasalt.slt.updateBaseline=true}
 * rewrites the baseline from the run. Pass rates go to the console and to {@code target/sqlite-corpus.txt}.
 */
class SqliteCorpusTest {

    static final Path BASELINE = Path.of("src", "test", "sqlite-corpus", "known-failures.txt");
    private static final Path REPORT = Path.of("target", "sqlite-corpus.txt");
    /** Generous, so that a loaded machine never turns a slow query into a failure: it only stops a runaway. */
    private static final int QUERY_TIMEOUT_SECONDS = 120;
    private static final int REGRESSIONS_SHOWN = 20;
    /** Files run at once (at most the cores): CI has two. */
    private static final int PARALLEL_FILES = 2;

    private static final Map<String, List<CorpusOutcome>> OUTCOMES = new ConcurrentSkipListMap<>();

    static List<String> files() {
        String chosen = System.getProperty("basalt.slt.files", "");
        if (!chosen.isBlank()) {
            // For a look at a few files: -Dbasalt.slt.files=select1,evidence/in1.
            return Stream.of(chosen.split(",")).map(name -> "test/" + name.strip() + ".test").toList();
        }
        List<String> files = new ArrayList<>();
        // The largest first, so that the two runners end at about the same time: select5 (joins of 4 to 64 tables,
        // about 80 CPU seconds, nearly all planning) runs on one while select4 to select1 run on the other.
        files.add("test/select5.test");
        for (int i = 4; i >= 1; i--) {
            files.add("test/select" + i + ".test");
        }
        files.addAll(SqliteCorpusFiles.under("test/evidence"));
        return files;
    }

    @TestFactory
    Stream<DynamicTest> corpusFiles() throws IOException {
        CorpusBaseline baseline = CorpusBaseline.read(BASELINE);
        SqliteCorpusFileRunner runner = new SqliteCorpusFileRunner("jdbc:basalt:mem:", QUERY_TIMEOUT_SECONDS);
        // The files are independent (each has its own database), so they run on the cores at once; each dynamic
        // test waits for its file.
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(PARALLEL_FILES, Runtime.getRuntime().availableProcessors())));
        Map<String, Future<List<CorpusOutcome>>> running = new LinkedHashMap<>();
        for (String file : files()) {
            running.put(file, pool.submit(() -> runner.run(file)));
        }
        pool.shutdown();
        return running.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String file = entry.getKey();
            List<CorpusOutcome> outcomes = entry.getValue().get();
            OUTCOMES.put(file, outcomes);
            List<String> regressions = outcomes.stream()
                    .filter(outcome -> !outcome.passed() && !baseline.lists(outcome.key()))
                    .map(outcome -> outcome.key() + ": " + outcome.failure() + "\n    " + outcome.sql())
                    .toList();
            if (!updatingBaseline()) {
                assertThat(regressions)
                        .as("%d records of %s that are not in %s fail (a regression, or a new failure to list there "
                                + "with -Dbasalt.slt.updateBaseline=true); the first ones:\n%s", regressions.size(),
                                file, BASELINE, String.join("\n", regressions.stream().limit(REGRESSIONS_SHOWN).toList()))
                        .isEmpty();
            }
        }));
    }

    @AfterAll
    static void report() throws IOException {
        if (OUTCOMES.isEmpty()) {
            return;
        }
        CorpusBaseline baseline = CorpusBaseline.read(BASELINE);
        List<String> lines = new ArrayList<>();
        CorpusTally total = CorpusTally.EMPTY;
        Map<String, Long> fixed = new TreeMap<>();
        for (Map.Entry<String, List<CorpusOutcome>> file : OUTCOMES.entrySet()) {
            CorpusTally tally = CorpusTally.of(file.getValue());
            total = total.plus(tally);
            lines.add(tally.describe(file.getKey()));
            long nowPassing = file.getValue().stream()
                    .filter(outcome -> outcome.passed() && baseline.lists(outcome.key())).count();
            if (nowPassing > 0) {
                fixed.put(file.getKey(), nowPassing);
            }
        }
        lines.add(total.describe("total"));
        if (!fixed.isEmpty()) {
            lines.add("Listed in " + BASELINE + " but passing now (run with -Dbasalt.slt.updateBaseline=true): "
                    + fixed.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        System.out.println(String.join("\n", lines));
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, lines, StandardCharsets.UTF_8);
        if (updatingBaseline()) {
            CorpusBaseline.write(BASELINE, List.of(
                    "SQLite sqllogictest records (select1-5, evidence/) that fail on Basalt today; SqliteCorpusTest fails",
                    "on any other failure. Written by -Dbasalt.slt.updateBaseline=true; causes: docs/testing.md.",
                    "<file>:<record number among the records for postgresql> TAB why TAB SQL"),
                    OUTCOMES.keySet().stream().map(file -> file.substring("test/".length()))
                            .collect(Collectors.toSet()),
                    OUTCOMES.values().stream().flatMap(List::stream).toList());
        }
    }

    private static boolean updatingBaseline() {
        return Boolean.getBoolean("basalt.slt.updateBaseline");
    }
}
