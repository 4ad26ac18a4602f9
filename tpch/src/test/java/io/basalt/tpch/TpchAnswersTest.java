package io.basalt.tpch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All 22 TPC-H queries at SF 0.01 and SF 0.1, through embedded JDBC, against the official answers in
 * {@code ../shared/tpch/answers}. Data is generated once into {@code target/tpch-data} and reused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchAnswersTest {

    private static final List<String> SCALE_FACTORS = List.of("0.01", "0.1");

    private final Map<String, Connection> connections = new HashMap<>();
    private Path answers;

    @BeforeAll
    void loadDatabases() throws Exception {
        answers = findAnswers();
        for (String scaleFactor : SCALE_FACTORS) {
            Path data = Path.of("target", "tpch-data", "sf" + scaleFactor);
            TpchDataGenerator.generate(Double.parseDouble(scaleFactor), data, Runtime.getRuntime().availableProcessors());
            Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
            TpchLoader.createAndLoad(connection, data);
            connections.put(scaleFactor, connection);
        }
    }

    @AfterAll
    void close() throws Exception {
        for (Connection connection : connections.values()) {
            connection.close();
        }
    }

    Stream<Arguments> queries() {
        return SCALE_FACTORS.stream().flatMap(sf -> IntStream.rangeClosed(1, TpchQueries.COUNT).mapToObj(q -> Arguments.of(sf, q)));
    }

    @ParameterizedTest(name = "SF {0} Q{1}")
    @MethodSource("queries")
    void matchesTheReferenceAnswer(String scaleFactor, int query) throws Exception {
        ExpectedAnswer expected = ExpectedAnswer.read(ExpectedAnswer.fileFor(answers.resolve("sf" + scaleFactor), query));
        List<List<Object>> actual = QueryResults.fetch(connections.get(scaleFactor), TpchQueries.text(query));
        assertThat(AnswerComparator.firstDifference(expected, actual)).as("Q%d at SF %s", query, scaleFactor).isEmpty();
    }

    /** {@code shared/} sits beside the checkout: walk up from the module directory until it is found. */
    private static Path findAnswers() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared").resolve("tpch").resolve("answers");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/tpch/answers above " + Path.of("").toAbsolutePath());
    }
}
