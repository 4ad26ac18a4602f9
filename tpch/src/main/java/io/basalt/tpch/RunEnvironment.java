package io.basalt.tpch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where and when a run happened, so that figures tracked over time can be told apart: date, JDK, cores,
 * heap, the git commit of the working directory when there is one ({@code +dirty} with local changes), and
 * the machine's load average when the run started (on a shared machine, what else was running matters).
 */
public record RunEnvironment(String date, String javaVersion, String javaVendor, String javaVm, String operatingSystem,
                             int cores, long maxHeapBytes, String gitCommit, String commandLine, String loadAverage) {

    static RunEnvironment capture(String commandLine) {
        return new RunEnvironment(
                ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                currentGitCommit(),
                commandLine,
                currentLoadAverage());
    }

    /** The 1, 5 and 15 minute load averages (Linux), or null where the system does not tell. */
    private static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The date without the time, for titles. */
    public String day() {
        return date.length() >= 10 ? date.substring(0, 10) : date;
    }

    private static String currentGitCommit() {
        String commit = git("rev-parse", "--short=12", "HEAD");
        if (commit == null || commit.isEmpty()) {
            return null;
        }
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return changes == null || changes.isEmpty() ? commit : commit + "+dirty";
    }

    /** A git command's output, or null when git or a repository is missing. */
    private static String git(String... arguments) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getErrorStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
