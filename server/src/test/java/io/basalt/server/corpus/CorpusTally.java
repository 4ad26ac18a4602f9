package io.basalt.server.corpus;

import java.util.Collection;
import java.util.Locale;

/**
 * Counts of one file's or one directory's outcomes, and the line that reports them.
 *
 * @param queries queries run
 * @param queriesPassed queries whose result matched
 * @param statements statements run
 * @param statementsFailed statements that did not do what the corpus expects
 */
record CorpusTally(long queries, long queriesPassed, long statements, long statementsFailed) {

    static final CorpusTally EMPTY = new CorpusTally(0, 0, 0, 0);

    static CorpusTally of(Collection<CorpusOutcome> outcomes) {
        long queries = 0;
        long passed = 0;
        long statements = 0;
        long failed = 0;
        for (CorpusOutcome outcome : outcomes) {
            if (outcome.query()) {
                queries++;
                passed += outcome.passed() ? 1 : 0;
            } else {
                statements++;
                failed += outcome.passed() ? 0 : 1;
            }
        }
        return new CorpusTally(queries, passed, statements, failed);
    }

    CorpusTally plus(CorpusTally other) {
        return new CorpusTally(queries + other.queries, queriesPassed + other.queriesPassed,
                statements + other.statements, statementsFailed + other.statementsFailed);
    }

    /** Passed queries in percent (100 when there are none). */
    double passRate() {
        return queries == 0 ? 100.0 : 100.0 * queriesPassed / queries;
    }

    String describe(String name) {
        return String.format(Locale.ROOT, "%-44s queries %7d/%-7d passed (%6.2f%%), statements failed %d/%d",
                name, queriesPassed, queries, passRate(), statementsFailed, statements);
    }
}
