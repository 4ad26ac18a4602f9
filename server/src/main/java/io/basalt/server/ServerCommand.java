package io.basalt.server;

import java.io.PrintStream;

/**
 * {@code basalt server}: runs the Basalt network server over a data directory.
 *
 * <p>The server itself arrives with the server issue; until then this command answers {@code --help}
 * and otherwise fails loudly (exit status 2) rather than pretending to start.
 */
public final class ServerCommand {

    static final String NOT_SUPPORTED = "not supported yet: the Basalt server arrives with the server issue";

    private ServerCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println("Usage: basalt server [--data DIR] [--port PORT]");
                out.println();
                out.println("Serves a Basalt data directory over Basalt's wire protocol.");
                out.println("Not available yet: the server arrives with the server issue.");
                return 0;
            }
        }
        err.println(NOT_SUPPORTED);
        return 2;
    }
}
