package io.basalt.tpch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the reference answers, {@code shared/tpch/answers/sfSF}: {@code shared/} sits beside the checkout,
 * so the working directory and each directory above it are tried in turn.
 */
final class AnswerDirectory {

    private AnswerDirectory() {
    }

    static Optional<Path> find(String scaleFactorName) {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared").resolve("tpch").resolve("answers").resolve("sf" + scaleFactorName);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
