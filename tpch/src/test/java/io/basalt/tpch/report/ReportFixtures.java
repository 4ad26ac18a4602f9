package io.basalt.tpch.report;

import io.basalt.tpch.BenchmarkReport;
import io.basalt.tpch.DatabaseRun;
import io.basalt.tpch.LoadResult;
import io.basalt.tpch.QueryTiming;
import io.basalt.tpch.RunEnvironment;
import io.basalt.tpch.TableLoad;

import java.util.List;

/** A small report with a comparison, a wrong answer and a failed query: what the report writers must handle. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static BenchmarkReport comparison() {
        RunEnvironment environment = new RunEnvironment("2026-11-22T10:00:00Z", "17.0.15", "Debian", "OpenJDK 64-Bit Server VM",
                "Linux", 2, 12L << 30, "abc123", "basalt tpch --sf 1 --compare jdbc:duckdb:x.db", "1.00 0.50 0.25");
        DatabaseRun basalt = new DatabaseRun("Basalt", "0.1.0", "jdbc:basalt:file:b", List.of(
                new QueryTiming(1, 900, List.of(500.0, 520.0, 510.0), List.of(10.0, 12.0, 11.0), "ok",
                        List.of(760.0, 770.0, 765.0), 734_003_200L),
                new QueryTiming(2, 300, List.of(100.0, 90.0, 110.0), List.of(20.0), "WRONG: row 1, column 2 (x): expected '1', got '2'",
                        104_857_600L),
                QueryTiming.failed(3, "out of \"memory\"")));
        DatabaseRun duckdb = new DatabaseRun("DuckDB", "v2.0.0", "jdbc:duckdb:x.db", List.of(
                new QueryTiming(1, 60, List.of(50.0, 50.0, 52.0), List.of(2.0), "ok", List.of(95.0, 95.0, 114.0)),
                new QueryTiming(2, 30, List.of(10.0, 10.0, 10.0), List.of(), "ok"),
                new QueryTiming(3, 40, List.of(20.0, 20.0, 20.0), List.of(), "ok")));
        LoadResult load = new LoadResult("Basalt", "jdbc:basalt:file:b", ".tbl files", List.of(
                new TableLoad("region", 5, 389, 0.01, 1000), new TableLoad("lineitem", 6_001_215, 759_863_287, 10, 160_000_000)),
                10.5, 161_001_000, 161_101_000);
        return new BenchmarkReport(environment, "1", 3, List.of(load), List.of(basalt, duckdb));
    }
}
