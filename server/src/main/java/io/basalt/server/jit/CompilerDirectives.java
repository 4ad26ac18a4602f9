package io.basalt.server.jit;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Tells HotSpot's JIT which of Basalt's code its optimizing compiler (C2) should leave alone, so that code stays with
 * the quick compiler (C1, without profiling): Calcite, the libraries only it and the parser use (Guava, Janino,
 * ANTLR), Basalt's parser and optimizer, all of which plan a query once, and the
 * executor's per-batch control code (the scan's batch reader and column cursors, the hash join's probe, the projection,
 * the pipeline's glue), which runs once per batch of up to 64K rows and calls loops compiled on their own.
 * The directives are {@code compiler-directives.json} beside this class, added once per process when the first
 * database opens ({@code Compiler.directives_add}, JEP 165; in the background), unless the system property
 * {@value #PROPERTY} is {@code false}.
 *
 * <p>Why: on two cores C2 competed with the queries it was compiling for. Planning one TPC-H query (Q11) over and
 * over kept C2 busy for 20 s (2,140 Calcite and optimizer methods, 60 kB of machine code each for the largest),
 * and in the TPC-H benchmark's sequence C2 spent 8–9 s on Calcite, and 1.7 s on {@code ScanMorsel$BatchReader.read}
 * alone, compiled eight times as each new query's filters sent it down branches C2 had speculated away. Guava,
 * Janino and ANTLR took another 2 s of C2 in that sequence (10.5 → 8.5 s of C2 in all once they were listed).
 * docs/benchmarks.md (seventeenth session) has the figures with and without.
 *
 * <p>Directives only change how fast code runs, never what it computes. Other JVMs, and JDKs without the
 * {@code jdk.management} module, have no such command: the directives are then skipped, silently.
 */
public final class CompilerDirectives {

    /** The system property that turns the directives off: {@code -Dbasalt.jit.directives=false}. */
    public static final String PROPERTY = "basalt.jit.directives";

    static final String RESOURCE = "compiler-directives.json";

    private static final System.Logger LOG = System.getLogger(CompilerDirectives.class.getName());

    private static boolean attempted;
    private static boolean installed;
    private static boolean started;

    private CompilerDirectives() {
    }

    /**
     * {@link #installOnce} on a daemon thread: starting the platform MBean server takes 100–170 ms, which opening a
     * database need not wait for; C2 gets to the planner's methods only after many queries anyway.
     */
    public static synchronized void installInBackground() {
        if (!started && !attempted) {
            started = true;
            Thread thread = new Thread(CompilerDirectives::installOnce, "basalt-jit-directives");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Adds the directives unless done already or turned off; returns whether they are in place. */
    public static synchronized boolean installOnce() {
        if (!attempted) {
            attempted = true;
            installed = enabled(System.getProperty(PROPERTY)) && add(text());
        }
        return installed;
    }

    static boolean enabled(String property) {
        return property == null || !property.trim().equalsIgnoreCase("false");
    }

    /** The directives file's text. */
    static String text() {
        InputStream resource = CompilerDirectives.class.getResourceAsStream(RESOURCE);
        try (InputStream in = Objects.requireNonNull(resource, RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds {@code directives} through the diagnostic command MBean (the command reads a file, so they go through a
     * temporary one); false when this JVM has no such command or refuses them.
     */
    static boolean add(String directives) {
        Path file = null;
        try {
            file = Files.createTempFile("basalt-compiler-directives", ".json");
            Files.writeString(file, directives);
            Object reply = diagnosticCommand("compilerDirectivesAdd", file.toString());
            // HotSpot answers "N compiler directives added"; a parse error comes back as text, not as an exception.
            boolean added = String.valueOf(reply).contains("directives added");
            if (!added) {
                LOG.log(System.Logger.Level.DEBUG, "compiler directives not added: {0}", reply);
            }
            return added;
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "compiler directives not added", e);
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover file in the temporary directory harms nothing
                }
            }
        }
    }

    /** The directives in force, as HotSpot prints them ({@code Compiler.directives_print}). */
    static String print() throws Exception {
        return String.valueOf(diagnosticCommand("compilerDirectivesPrint"));
    }

    private static Object diagnosticCommand(String operation, String... arguments) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
        return server.invoke(name, operation, new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
