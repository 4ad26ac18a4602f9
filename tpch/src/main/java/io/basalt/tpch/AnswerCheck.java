package io.basalt.tpch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A query's rows judged against its reference answer: {@code ok}, {@code WRONG: …} or {@code not checked}. */
final class AnswerCheck {

    private AnswerCheck() {
    }

    static String verdict(Optional<Path> answers, int query, List<List<Object>> rows) throws IOException {
        if (answers.isEmpty()) {
            return "not checked";
        }
        Path file = ExpectedAnswer.fileFor(answers.get(), query);
        if (!Files.exists(file)) {
            return "not checked";
        }
        return AnswerComparator.firstDifference(ExpectedAnswer.read(file), rows).map(d -> "WRONG: " + d).orElse("ok");
    }
}
