package io.basalt.tpch;

import java.util.List;
import java.util.Optional;

/**
 * Everything one {@code basalt tpch} run measured: its environment, the loads (when it loaded), and the
 * query runs, the database under test first. The text table, the JSON file and the chart are all made
 * from this.
 */
public record BenchmarkReport(RunEnvironment environment, String scaleFactor, int hotRuns, List<LoadResult> loads,
                              List<DatabaseRun> runs) {

    /** The database under test against the first other one, when there is one. */
    public Optional<Comparison> comparison() {
        return runs.size() < 2 ? Optional.empty() : Optional.of(new Comparison(runs.get(0), runs.get(1)));
    }
}
