package io.basalt.server.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code .test} files of SQLite's sqllogictest corpus, as {@code net.hydromatic:sql-logic-test} bundles them:
 * class-path resources under {@code test/} (for example {@code test/select1.test},
 * {@code test/index/between/10/slt_good_0.test}). Their names are what {@code SltTestFile} loads.
 */
final class SqliteCorpusFiles {

    /** The resource every listing starts from; its presence proves the corpus jar is on the class path. */
    private static final String ANCHOR = "test/select1.test";

    private SqliteCorpusFiles() {
    }

    /**
     * The resource names of every {@code .test} file under {@code directory} (a resource folder such as
     * {@code test/evidence}), in a stable order: sorted by directory, then by the number in the name (so that
     * {@code slt_good_2} comes before {@code slt_good_10}). A name ending in {@code .test} is the file alone.
     */
    static List<String> under(String directory) {
        if (directory.endsWith(".test")) {
            return List.of(directory);
        }
        URL anchor = Thread.currentThread().getContextClassLoader().getResource(ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException("the sqllogictest corpus (" + ANCHOR + ") is not on the class path");
        }
        try {
            if ("jar".equals(anchor.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(anchor.toURI(), Map.of())) {
                    return list(jar.getPath("/"), jar.getPath("/" + directory));
                }
            }
            Path root = Path.of(anchor.toURI()).getParent().getParent();
            return list(root, root.resolve(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the corpus at " + anchor, e);
        }
    }

    private static List<String> list(Path root, Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no corpus directory " + root.relativize(directory));
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> path.toString().endsWith(".test"))
                    .map(path -> root.relativize(path).toString())
                    .sorted(Comparator.comparing(SqliteCorpusFiles::folder).thenComparing(SqliteCorpusFiles::number)
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
    }

    private static String folder(String name) {
        return name.substring(0, name.lastIndexOf('/') + 1);
    }

    /** The trailing number of a file name such as {@code slt_good_12.test}, or -1 when it has none. */
    private static long number(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1, name.length() - ".test".length());
        int start = base.length();
        while (start > 0 && Character.isDigit(base.charAt(start - 1))) {
            start--;
        }
        return start == base.length() ? -1 : Long.parseLong(base.substring(start));
    }
}
