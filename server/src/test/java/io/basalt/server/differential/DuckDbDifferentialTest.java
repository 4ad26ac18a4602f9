package io.basalt.server.differential;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential test: the same random tables and the same generated workload ({@link QueryGenerator}, fixed
 * seed) on Basalt and on DuckDB, answers compared by {@link AnswerComparison}. A difference fails the test unless
 * {@link #KNOWN_DIFFERENCES} lists the query with its reason (a semantic difference between DuckDB and
 * PostgreSQL, whom Basalt follows, or a Basalt limitation). Listed queries that agree now are reported, not failed
 * on. The tables are small (a few hundred rows) so that the whole run takes seconds.
 */
class DuckDbDifferentialTest {

    static final Path KNOWN_DIFFERENCES = Path.of("src", "test", "differential", "known-differences.txt");
    private static final long SEED = 20_261_122L;
    private static final int QUERIES_PER_SHAPE = 30;

    @Test
    void basaltAnswersAsDuckDbDoes() throws SQLException, IOException {
        Random random = new Random(SEED);
        List<String> setup = RandomTables.statements(random);
        List<GeneratedQuery> queries = QueryGenerator.generate(random, QUERIES_PER_SHAPE);
        Map<Integer, String> known = readKnownDifferences();
        List<String> unexpected = new ArrayList<>();
        List<Integer> agreeingButListed = new ArrayList<>();
        int agreeing = 0;
        try (Connection basalt = DriverManager.getConnection("jdbc:basalt:mem:");
             Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String statement : setup) {
                execute(basalt, statement);
                execute(duckDb, statement);
            }
            for (GeneratedQuery query : queries) {
                Optional<String> difference = AnswerComparison.difference(QueryAnswer.of(basalt, query.sql()),
                        QueryAnswer.of(duckDb, query.sql()), query.ordered());
                if (difference.isEmpty()) {
                    agreeing++;
                    if (known.containsKey(query.number())) {
                        agreeingButListed.add(query.number());
                    }
                } else if (!known.containsKey(query.number())) {
                    unexpected.add(query.number() + "\t" + difference.get() + "\n    " + query.sql());
                }
            }
        }
        System.out.printf("DuckDB differential test: %d of %d queries agree, %d listed in %s%n", agreeing,
                queries.size(), known.size(), KNOWN_DIFFERENCES);
        if (!agreeingButListed.isEmpty()) {
            System.out.println("Listed as different but agreeing now (remove them from the list): " + agreeingButListed);
        }
        assertThat(unexpected)
                .as("queries whose answers differ between Basalt and DuckDB and that %s does not list:\n%s",
                        KNOWN_DIFFERENCES, String.join("\n", unexpected))
                .isEmpty();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Query number to reason; lines are {@code <number> TAB <reason> [TAB <anything>]}, {@code #} comments. */
    private static Map<Integer, String> readKnownDifferences() throws IOException {
        Map<Integer, String> known = new LinkedHashMap<>();
        for (String line : Files.readAllLines(KNOWN_DIFFERENCES, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 2 || fields[1].isBlank()) {
                throw new IllegalStateException("a known difference needs a reason: " + line);
            }
            known.put(Integer.parseInt(fields[0].strip()), fields[1]);
        }
        return known;
    }
}
