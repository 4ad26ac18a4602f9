package io.basalt.cli;

import io.basalt.server.ServerCommand;
import io.basalt.shell.ShellCommand;
import io.basalt.tpch.TpchCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main class of {@code basalt.jar}: {@code java -jar basalt.jar COMMAND [ARGS…]} hands the remaining
 * arguments to the command's own {@code main}. It lives in the distribution module because it is the only
 * place that sees the shell, the server and the TPC-H harness together.
 */
public final class BasaltCommand {

    /** Exit status for a command line we do not understand (as for a usage error in most Unix tools). */
    static final int USAGE_ERROR = 2;

    private record Command(String summary, Consumer<String[]> main) {
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("shell", new Command("interactive SQL shell over a data directory or a server", ShellCommand::main));
        COMMANDS.put("server", new Command("serve a data directory over Basalt's wire protocol", ServerCommand::main));
        COMMANDS.put("tpch", new Command("generate, load and run TPC-H; report timings", TpchCommand::main));
    }

    private BasaltCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs one command line. Sub-commands run in their own {@code main} (which exits the JVM itself on
     * failure); the return value is the exit status of what this class handles directly.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            printUsage(err);
            return USAGE_ERROR;
        }
        String name = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "help", "--help", "-h" -> {
                if (rest.length == 0) {
                    printUsage(out);
                    return 0;
                }
                Command command = COMMANDS.get(rest[0]);
                if (command == null) {
                    err.println("basalt: unknown command '" + rest[0] + "'");
                    printUsage(err);
                    return USAGE_ERROR;
                }
                command.main().accept(new String[] {"--help"});
                return 0;
            }
            case "version", "--version" -> {
                out.println(versionLine());
                return 0;
            }
            default -> {
                Command command = COMMANDS.get(name);
                if (command == null) {
                    err.println("basalt: unknown command '" + name + "'");
                    printUsage(err);
                    return USAGE_ERROR;
                }
                command.main().accept(rest);
                return 0;
            }
        }
    }

    /** Basalt's version from the jar manifest ({@code Implementation-Version}), or null outside the jar. */
    static String version() {
        return BasaltCommand.class.getPackage().getImplementationVersion();
    }

    static String versionLine() {
        String version = version();
        return "basalt " + (version == null ? "(unknown version: not running from basalt.jar)" : version)
                + " (Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name") + ")";
    }

    static void printUsage(PrintStream out) {
        out.println("Usage: basalt COMMAND [ARGS...]");
        out.println();
        out.println("Commands:");
        for (Map.Entry<String, Command> entry : COMMANDS.entrySet()) {
            out.printf("  %-9s %s%n", entry.getKey(), entry.getValue().summary());
        }
        out.printf("  %-9s %s%n", "version", "print Basalt's version");
        out.printf("  %-9s %s%n", "help", "print this help; 'basalt help COMMAND' shows a command's options");
        out.println();
        out.println("Run 'basalt COMMAND --help' for the options of one command.");
    }
}
