package io.basalt.server;

import io.basalt.server.auth.AdminAccount;
import io.basalt.server.network.NetworkServer;
import io.basalt.server.network.ServerConfiguration;
import io.basalt.server.network.TlsContexts;
import io.basalt.server.warmup.JitWarmUp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code basalt server --data DIR [--port 7433] [--bind 127.0.0.1] [--tls-cert F --tls-key F [--tls-required]]}:
 * serves a data directory over Basalt's wire protocol until SIGTERM or Ctrl-C, which shut it down cleanly
 * (running statements finish or are cancelled after a grace period, sessions close, the database closes).
 */
public final class ServerCommand {

    static final String USAGE = "Usage: basalt server --data DIR [--port PORT] [--bind ADDRESS] [--memory-limit SIZE] "
            + "[--warm-up] [--tls-cert CERT.pem --tls-key KEY.pem [--tls-required]]";

    private ServerCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ServerArguments arguments;
        try {
            arguments = ServerArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments.help()) {
            out.println(USAGE);
            out.println();
            out.println("Serves a Basalt data directory over Basalt's wire protocol (docs/protocol.md); clients connect with");
            out.println("jdbc:basalt://HOST:PORT/[SCHEMA]?user=NAME&password=SECRET. On first start the user 'admin' is created");
            out.println("with the password in " + AdminAccount.PASSWORD_VARIABLE + ", or a generated one printed once.");
            out.println("admin adds users and privileges with CREATE USER name PASSWORD '...' and GRANT (docs/sql-statements.md).");
            out.println("--memory-limit SIZE (e.g. 8GB) is the memory each query may use unless its session SETs memory_limit;");
            out.println("the default is half the Java heap. Sorts spill to DIR/tmp/ beyond it.");
            out.println("--warm-up runs Basalt's JIT warm-up (its own queries over a private temporary database, about 10 s)");
            out.println("before the server accepts connections, so that the first queries run at full speed.");
            return 0;
        }
        try {
            serve(arguments, out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("basalt server: " + e.getMessage());
            return 1;
        }
    }

    private static void serve(ServerArguments arguments, PrintStream out) throws IOException {
        ServerConfiguration configuration = ServerConfiguration.defaults().withPort(arguments.port())
                .withBindAddress(arguments.bind());
        if (arguments.tlsCertificate() != null) {
            configuration = configuration.withTls(TlsContexts.fromPem(Path.of(arguments.tlsCertificate()),
                    Path.of(arguments.tlsKey())), arguments.tlsRequired());
        }
        if (arguments.warmUp()) {
            JitWarmUp.Result warmUp = JitWarmUp.runOnce();
            out.println("JIT warm-up: " + warmUp.statements() + " statements in " + warmUp.elapsed().toMillis() + " ms"
                    + (warmUp.failures() > 0 ? " (" + warmUp.failures() + " failed, see the log)" : ""));
        }
        Database database = Database.open(Path.of(arguments.dataDirectory()));
        if (arguments.memoryLimit() != ServerArguments.DEFAULT_MEMORY_LIMIT) {
            database.setDefaultMemoryLimit(arguments.memoryLimit());
        }
        AdminAccount.ensure(database.security().users(), System.getenv(AdminAccount.PASSWORD_VARIABLE),
                configuration.passwordIterations(), out);
        NetworkServer server = NetworkServer.start(database, configuration);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM / Ctrl-C: finish or cancel what runs, close sessions, then the database (commits are durable)
            server.close();
            database.close();
            stopped.countDown();
        }, "basalt-shutdown"));
        out.println("Basalt server on " + configuration.bindAddress() + ":" + server.port() + " serving "
                + database.directory() + (configuration.tls() != null ? (configuration.tlsRequired() ? " (TLS only)" : " (TLS available)") : ""));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
