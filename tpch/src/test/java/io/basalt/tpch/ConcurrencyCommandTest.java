package io.basalt.tpch;

import io.basalt.server.Database;
import io.basalt.server.auth.AdminAccount;
import io.basalt.server.network.NetworkServer;
import io.basalt.server.network.ServerConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of the load test ({@code make load-test} runs the long one against a server process): TPC-H
 * SF 0.01 loaded over the network into a server in this JVM, then 8 clients for 15 s over loopback, every
 * answer checked, no error, every inserted row there. The test's classes may use the server (tpch depends
 * on it at run time); the harness itself stays a plain JDBC client.
 */
class ConcurrencyCommandTest {

    private static final String PASSWORD = "load test";

    @TempDir
    Path directory;

    @Test
    void eightClientsForFifteenSecondsGetEveryAnswerRightOverTheNetwork() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Database database = Database.open(directory.resolve("db"));
        AdminAccount.ensure(database.security().users(), PASSWORD, 4096, new PrintStream(new ByteArrayOutputStream()));
        NetworkServer server = NetworkServer.start(database, ServerConfiguration.defaults().withPort(0).withPasswordIterations(4096));
        try {
            String url = "jdbc:basalt://127.0.0.1:" + server.port() + "/?user=admin&password=load%20test";
            String data = directory.resolve("data").toString();
            assertThat(TpchCommand.run(new String[] {"generate", "--sf", "0.01", "--out", data}, print, print)).isZero();
            assertThat(TpchCommand.run(new String[] {"load", "--sf", "0.01", "--data", data, "--url", url}, print, print))
                    .as(out.toString(StandardCharsets.UTF_8)).isZero();
            out.reset();
            int status = TpchCommand.run(new String[] {"concurrency", "--sf", "0.01", "--url", url, "--clients", "8",
                    "--duration", "15"}, print, print);
            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(report).isZero();
            assertThat(report).contains("concurrency: 8 clients for 15 s", "wrong answers: 0, errors: 0",
                    "all there, each client's sequence complete", "load test: ok").containsPattern("inserts: [1-9]");
        } finally {
            server.close();
            database.close();
        }
    }

    @Test
    void concurrencyTakesNoSecondDatabase() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(TpchCommand.run(new String[] {"concurrency", "--compare", "jdbc:basalt:mem:"}, print, print)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--compare does not apply to concurrency");
        assertThat(TpchCommand.run(new String[] {"concurrency", "--clients", "0"}, print, print)).isEqualTo(2);
    }
}
