package io.basalt.tpch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPC-H at SF 0.01 and SF 0.1 exactly as a user runs it: {@code basalt tpch generate}, {@code load},
 * {@code run} (cold runs, answers checked) and {@code validate}, against a Basalt data directory through
 * embedded JDBC, with all 22 answers compared with the official ones in {@code ../shared/tpch/answers}.
 * Any wrong answer fails the test, and its output names the query, row and column. Generated data is kept
 * in {@code target/tpch-data} and reused.
 */
class TpchAnswersTest {

    @ParameterizedTest(name = "SF {0}")
    @ValueSource(strings = {"0.01", "0.1"})
    void generateLoadRunValidate(String scaleFactor) {
        String data = Path.of("target", "tpch-data", "sf" + scaleFactor).toString();
        String url = "jdbc:basalt:file:" + Path.of("target", "tpch-databases", "basalt-sf" + scaleFactor);
        succeeds("generate", "--sf", scaleFactor, "--out", data);
        succeeds("load", "--sf", scaleFactor, "--data", data, "--url", url);
        String run = succeeds("run", "--sf", scaleFactor, "--url", url, "--runs", "0");
        assertThat(run).contains("22 ok, 0 wrong, 0 failed, 0 not checked");
        String validation = succeeds("validate", "--sf", scaleFactor, "--url", url);
        assertThat(validation).contains("22 of 22 answers match");
    }

    /** Loading straight from the generators gives the same database: every answer still matches. */
    @ParameterizedTest(name = "SF {0}")
    @ValueSource(strings = {"0.01"})
    void loadFromTheGeneratorsThroughAPipe(String scaleFactor) {
        String url = "jdbc:basalt:file:" + Path.of("target", "tpch-databases", "basalt-pipe-sf" + scaleFactor);
        String load = succeeds("load", "--sf", scaleFactor, "--from-generator", "--url", url);
        assertThat(load).contains("generator pipe").containsPattern("lineitem +60,175 ");
        assertThat(succeeds("validate", "--sf", scaleFactor, "--url", url)).contains("22 of 22 answers match");
    }

    private static String succeeds(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TpchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as("basalt tpch %s%n%s%s", String.join(" ", args), output, err.toString(StandardCharsets.UTF_8))
                .isZero();
        return output;
    }
}
