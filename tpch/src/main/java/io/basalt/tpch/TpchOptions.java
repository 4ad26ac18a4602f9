package io.basalt.tpch;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What one {@code basalt tpch} command line asks for. Fields left null take the defaults that
 * {@link TpchCommand#USAGE} documents; the methods below resolve them.
 */
final class TpchOptions {

    /** The sub-command: all (the default), generate, load, run, validate, refresh or concurrency. */
    String command = "all";
    String scaleFactor = "0.01";
    /** The directory holding the {@code .tbl} files; null means {@code tpch-data/sfSF}. */
    Path dataDirectory;
    /** The database under test; null means a Basalt data directory {@code tpch-data/basalt-sfSF}. */
    String url;
    /** A second database that runs the same steps in the same run, or null. */
    String compareUrl;
    /** Jars (or directories of jars) holding JDBC drivers that are not on the class path, e.g. DuckDB's. */
    List<Path> driverPaths = new ArrayList<>();
    boolean fromGenerator;
    int hotRuns = 3;
    List<Integer> queries = IntStream.rangeClosed(1, TpchQueries.COUNT).boxed().toList();
    /** When set, every database is told {@code SET threads = N} before it works. */
    Integer threads;
    /** When set, every database is told {@code SET memory_limit = '…'} (e.g. 8GB) before it works. */
    String memoryLimit;
    /**
     * Basalt databases in this process connect with {@code warm_up=true}: Basalt's JIT warm-up (its own workload, in a
     * private temporary database) runs before the first query.
     */
    boolean warmUp;
    Path answersDirectory;
    Path jsonFile;
    Path chartFile;
    /** concurrency: how many clients, each on its own connection, and for how many seconds. */
    int clients = 32;
    int durationSeconds = 180;

    double scaleFactorValue() {
        return Double.parseDouble(scaleFactor);
    }

    /** The scale factor as the answer directories spell it: 1, 0.01, 10 (never 1.0). */
    String scaleFactorName() {
        return new BigDecimal(scaleFactor).stripTrailingZeros().toPlainString();
    }

    /**
     * The {@code .tbl} directory. A directory without {@code .tbl} files but with an {@code sfSF} folder in it
     * means that folder, so that {@code --data /data/tpch} finds {@code /data/tpch/sf1} as earlier versions did.
     */
    Path data() {
        Path defaultDirectory = Path.of("tpch-data", "sf" + scaleFactorName());
        if (dataDirectory == null) {
            return defaultDirectory;
        }
        Path nested = dataDirectory.resolve("sf" + scaleFactorName());
        boolean hasTables = Files.exists(TpchDataGenerator.fileOf(dataDirectory, "lineitem"));
        return !hasTables && Files.isDirectory(nested) ? nested : dataDirectory;
    }

    String basaltUrl() {
        return url != null ? url : "jdbc:basalt:file:" + Path.of("tpch-data", "basalt-sf" + scaleFactorName());
    }

    /** The database under test first, then the one it is compared with. */
    List<String> urls() {
        List<String> urls = new ArrayList<>();
        urls.add(basaltUrl());
        if (compareUrl != null) {
            urls.add(compareUrl);
        }
        return urls;
    }

    /** The reference answers for this scale factor, if there are any. */
    Optional<Path> answers() {
        if (answersDirectory != null) {
            Path nested = answersDirectory.resolve("sf" + scaleFactorName());
            return Optional.of(Files.isDirectory(nested) ? nested : answersDirectory);
        }
        return AnswerDirectory.find(scaleFactorName());
    }

    static List<Path> splitPaths(String text) {
        List<Path> paths = new ArrayList<>();
        for (String part : text.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                paths.add(Path.of(part.trim()));
            }
        }
        return paths;
    }
}
