package io.basalt.tpch;

import io.basalt.tpch.report.Numbers;
import io.basalt.tpch.report.TextTable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code basalt tpch validate}: runs each query once and checks its rows against the reference answer
 * (numbers within tolerance, rows in order), naming the first differing row and column.
 */
final class AnswerValidation {

    private AnswerValidation() {
    }

    /** True when every query ran and matched its answer. */
    @SuppressWarnings("try") // a progress ticker only marks a scope: the body never needs to name it
    static boolean validate(BenchmarkDatabase database, List<Integer> queries, Path answers, Progress progress,
                            PrintStream out) throws IOException {
        TextTable table = new TextTable("query", "rows", "ms", "answer");
        int matched = 0;
        for (int position = 0; position < queries.size(); position++) {
            int query = queries.get(position);
            String status = String.format(Locale.ROOT, "%s: validating Q%d (%d of %d)", database.label(), query,
                    position + 1, queries.size());
            String verdict;
            String rowCount = "-";
            String millis = "-";
            try (Progress.Ticker ticker = progress.track(() -> status)) {
                long start = System.nanoTime();
                List<List<Object>> rows = QueryResults.fetch(database.connection(), TpchQueries.text(query));
                millis = Numbers.millis((System.nanoTime() - start) / 1e6);
                rowCount = Numbers.grouped(rows.size());
                verdict = AnswerCheck.verdict(Optional.of(answers), query, rows);
            } catch (SQLException e) {
                verdict = "ERROR: " + QueryBenchmark.oneLine(e);
            }
            if (verdict.equals("ok")) {
                matched++;
            }
            table.row("Q" + query, rowCount, millis, verdict);
        }
        out.printf("%s: answers against %s%n", database.label(), answers);
        table.print(out);
        out.printf("%s: %d of %d answers match%n%n", database.label(), matched, queries.size());
        return matched == queries.size();
    }
}
