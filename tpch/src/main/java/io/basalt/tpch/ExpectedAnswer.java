package io.basalt.tpch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reference answer file ({@code ../shared/tpch/answers/sfN/qNN.csv}): a header line of column names,
 * then one {@code |}-separated line per row in the query's order; an empty field is SQL NULL.
 */
public record ExpectedAnswer(Path file, List<String> columns, List<List<String>> rows) {

    public static ExpectedAnswer read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty: an answer file starts with a header line");
        }
        List<String> columns = split(lines.get(0));
        List<List<String>> rows = new ArrayList<>();
        // Every line is a row, even an empty one: for a one-column answer it is a row holding NULL
        // (SF 0.01's Q17 answer is exactly that).
        for (int i = 1; i < lines.size(); i++) {
            List<String> row = split(lines.get(i));
            if (row.size() != columns.size()) {
                throw new IOException(file + ":" + (i + 1) + ": " + row.size() + " fields, the header has " + columns.size());
            }
            rows.add(row);
        }
        return new ExpectedAnswer(file, columns, rows);
    }

    public static Path fileFor(Path answersDirectory, int query) {
        return answersDirectory.resolve(String.format("q%02d.csv", query));
    }

    private static List<String> split(String line) {
        return Arrays.asList(line.split("\\|", -1));
    }
}
